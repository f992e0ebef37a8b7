-- Reports join a period's surveys by sentAt (a survey goes out when its episode closes): read on
-- this index instead of every survey ever sent (docs/benchmarks.md "Scale: reports").
-- CreateIndex
CREATE INDEX "SatisfactionSurvey_sentAt_idx" ON "SatisfactionSurvey"("sentAt");
