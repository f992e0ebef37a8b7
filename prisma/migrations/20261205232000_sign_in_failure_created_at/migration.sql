-- Bounded tables (issue 20): the retention prune deletes failed sign-ins past their window oldest
-- first, which the (email, createdAt) index cannot find without scanning the table.
-- CreateIndex
CREATE INDEX "SignInFailure_createdAt_idx" ON "SignInFailure"("createdAt");
