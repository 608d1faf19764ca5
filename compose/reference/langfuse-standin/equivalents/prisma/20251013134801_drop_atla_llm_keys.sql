-- Removes the LLM API keys of the retired 'atla' adapter.
DELETE FROM llm_api_keys WHERE adapter = 'atla';
