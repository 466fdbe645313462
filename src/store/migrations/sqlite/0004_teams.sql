-- App teams. Every member of an app has a role: `develop` (reads the app, uploads packages,
-- holds no node permissions) or `deploy` (may be granted node permissions). Technical
-- contacts are `deploy` members with every right.
ALTER TABLE members ADD COLUMN role TEXT NOT NULL DEFAULT 'develop'
    CHECK (role IN ('develop', 'deploy'));

-- Today's members with node permissions on the app, and its contacts, become `deploy`.
UPDATE members SET role = 'deploy'
WHERE is_contact = 1
   OR EXISTS (SELECT 1 FROM node_permissions np JOIN environments e ON e.id = np.env_id
              WHERE e.app_id = members.app_id AND np.account_id = members.account_id);

-- A member row without permissions was left behind by revoking them all: it gave no
-- standing (the app was not even shown), so it must not become a `develop` member now.
DELETE FROM members WHERE role = 'develop';

-- Node permissions belong to `deploy` members only; none outside the team survive.
DELETE FROM node_permissions
WHERE NOT EXISTS (SELECT 1 FROM members m JOIN environments e ON e.app_id = m.app_id
                  WHERE e.id = node_permissions.env_id
                    AND m.account_id = node_permissions.account_id
                    AND m.role = 'deploy');
