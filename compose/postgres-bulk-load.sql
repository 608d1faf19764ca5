-- The drill's own Postgres loads a pg_dumpall faster with these settings (PostgreSQL docs, "Populating a Database":
-- disable WAL archival and streaming replication, increase max_wal_size; "Non-Durable Settings" for a server whose
-- data can be made again). With wal_level=minimal the tables each database's transaction creates and fills by COPY,
-- and their indexes, write no WAL (the harness runs each database of the dump as one transaction); with fsync=off
-- the commit does not wait for the disk. The server is the drill's throw-away copy: the data restored are the same.
--
-- Run once, by the image's entrypoint, when it initialises an empty data directory (/docker-entrypoint-initdb.d):
-- a logical restore's fresh server. A server started on a restored volume snapshot keeps its own settings.
ALTER SYSTEM SET wal_level = 'minimal';
ALTER SYSTEM SET max_wal_senders = 0;
ALTER SYSTEM SET archive_mode = 'off';
ALTER SYSTEM SET max_wal_size = '4GB';
ALTER SYSTEM SET fsync = 'off';
ALTER SYSTEM SET full_page_writes = 'off';
ALTER SYSTEM SET synchronous_commit = 'off';
