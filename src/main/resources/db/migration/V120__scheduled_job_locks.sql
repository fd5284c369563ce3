-- One lock row per scheduled job (ShedLock's JDBC provider, ADR 100): on several nodes a job that
-- must run once per cluster (the daily milestone watch, reminders, the weekly overview, replies by
-- e-mail, closing rounds, daily document versions) runs on the node that takes its row, and on
-- another when that node stops holding it.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
