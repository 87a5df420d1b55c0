-- Several GDS nodes on one database (issue 8). Runs on H2 (PostgreSQL mode) and PostgreSQL.

-- nodes that share this database, with their endpoint and last heartbeat (for operators)
CREATE TABLE cluster_nodes (
  node_id      VARCHAR(128)  NOT NULL PRIMARY KEY,
  endpoint_url VARCHAR(2048) NOT NULL,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- leases on scheduled work: the holder runs the work until expires_at; another node takes over
-- after that. fencing grows with every change of holder.
CREATE TABLE cluster_leases (
  name       VARCHAR(128) NOT NULL PRIMARY KEY,
  holder     VARCHAR(128) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  fencing    BIGINT       NOT NULL
);

-- change counters: a node bumps a topic after a change the others must pick up (trust lists)
CREATE TABLE cluster_changes (
  topic   VARCHAR(128) NOT NULL PRIMARY KEY,
  version BIGINT       NOT NULL
);

-- the trust topic exists from the start, so bumping it is always a plain UPDATE (also inside a
-- caller's transaction, where a failed INSERT race would abort that transaction on PostgreSQL)
INSERT INTO cluster_changes (topic, version) VALUES ('trust', 0);
