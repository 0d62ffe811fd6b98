-- The job monitor (dev.passgate.jobs): jobs, their spooled output, and the JES-like
-- resource classes that guard them. Portable SQL: VARCHAR, BIGINT and INTEGER only,
-- times as epoch milliseconds, indexes named explicitly.

CREATE TABLE passgate_job (
    job_id       VARCHAR(8)    NOT NULL PRIMARY KEY,
    owner        VARCHAR(8)    NOT NULL,
    -- the template's NAME (its route template id is job.<NAME>); the job's "jobname"
    job_name     VARCHAR(8)    NOT NULL,
    -- INPUT, ACTIVE, OUTPUT, CANCELLED, FAILED
    state        VARCHAR(10)   NOT NULL,
    rc           INTEGER,
    reason       VARCHAR(1000),
    -- the node that runs it: a restarting node fails what it left INPUT or ACTIVE
    node         VARCHAR(8)    NOT NULL,
    submitted_at BIGINT        NOT NULL,
    started_at   BIGINT,
    ended_at     BIGINT
);
CREATE INDEX passgate_job_owner ON passgate_job (owner);
CREATE INDEX passgate_job_state ON passgate_job (node, state);

CREATE TABLE passgate_job_output (
    job_id  VARCHAR(8)     NOT NULL,
    line_no INTEGER        NOT NULL,
    line    VARCHAR(4000)  NOT NULL,
    PRIMARY KEY (job_id, line_no)
);
CREATE INDEX passgate_job_output_job ON passgate_job_output (job_id);

-- JESJOBS SUBMIT.<jobname> / CANCEL.<owner>.<jobname>, JESSPOOL <owner>.<jobname>.<id>.
-- No profile denies; the job monitor itself lets owners act on their own jobs.
INSERT INTO sec_class (class_name, no_profile_allows) VALUES ('JESJOBS', FALSE), ('JESSPOOL', FALSE);
