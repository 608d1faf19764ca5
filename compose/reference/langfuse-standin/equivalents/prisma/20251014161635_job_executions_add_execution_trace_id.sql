-- job_executions gains execution_trace_id; the JobExecutionStatus enum gains DELAYED.
ALTER TABLE job_executions ADD COLUMN execution_trace_id TEXT;
ALTER TYPE "JobExecutionStatus" ADD VALUE 'DELAYED';
