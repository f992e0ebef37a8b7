-- A channel's delivery report (ACS, Teams read receipts) names the message by the id the channel gave it:
-- found by this index instead of a scan of every activity.
CREATE INDEX "Activity_externalId_idx" ON "Activity"("externalId");
