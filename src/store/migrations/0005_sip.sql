-- Agents' SIP phones registering with tamas (docs/voice.md, registrar):
-- the digest credential as HA1 = MD5(username:realm:password) (never the
-- password), and the contact the phone last registered with its expiry.
ALTER TABLE agents ADD COLUMN sip_ha1 TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN sip_realm TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN sip_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN sip_contact_until INTEGER;
