-- The housekeeping routes (PassTicket replay purge, audit retention) moved from each node's own
-- Quartz scheduler to the cluster's (rows under SCHED_NAME 'PassGate-cluster'), which fires them
-- once per schedule across the nodes. A node that crashed left its own trigger rows behind; they
-- would fire the routes a second time, so they go.
DELETE FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = 'passgate'
    AND TRIGGER_NAME IN ('passticket-replay-purge', 'audit-retention-purge') AND SCHED_NAME <> 'PassGate-cluster';
DELETE FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'passgate'
    AND TRIGGER_NAME IN ('passticket-replay-purge', 'audit-retention-purge') AND SCHED_NAME <> 'PassGate-cluster';
DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = 'passgate'
    AND JOB_NAME IN ('passticket-replay-purge', 'audit-retention-purge') AND SCHED_NAME <> 'PassGate-cluster';
