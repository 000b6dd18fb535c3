-- A type registered under a built-in name (accepted by mistake before such names were refused) made every later
-- variant fail to validate. Such registrations are removed; their events stay in the log, which is append-only.
DELETE FROM policy_type
 WHERE name IN ('image_block', 'species_block', 'clothing_block', 'location', 'prompt', 'tone_profile',
                'descriptor_layer', 'registry', 'axis_bundle', 'manifest_bundle');
