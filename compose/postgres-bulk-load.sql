-- The drill's own Postgres loads a pg_dumpall faster with these settings (PostgreSQL docs, "Populating a Database":
-- disable WAL archival and streaming replication, increase max_wal_size; "Non-Durable Settings" for a server whose
-- data can be made again). With wal_level=minimal the tables each database's transaction creates and fills by COPY,
-- and their indexes, write no WAL (the harness runs each database of the dump as one transaction); with fsync=off
-- the commit does not wait for the disk. The server is the drill's throw-away copy: the data restored are the same.
--
-- maintenance_work_mem is made smaller, not larger as those docs suggest: a dump's primary keys and indexes are built
-- after its data by sorting, and this platform's keys are text (ids, request ids) compared under the database's
-- collation. Sorted in runs of a few MB, which stay in the CPU's cache, and merged, they build faster than sorted
-- whole in memory (the same was reported on pgsql-hackers in 2006: an external sort of text beating qsort,
-- https://www.mail-archive.com/pgsql-hackers@postgresql.org/msg80741.html). Measured with
-- bench/pg-restore-bench.sh (3 million text keys per database, two databases at once, 2 cores, 4 MB L2 per core),
-- the primary-key build took about 7 s at 16MB, 10 s at 32MB, 13 s at the default 64MB and 20 s at 256MB.
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
ALTER SYSTEM SET maintenance_work_mem = '16MB';
