//! Apps with their environments, members' node permissions and uploaded packages.

use super::{Flag, Result, Shape, Store, WriteConnection, conflict_or};
use crate::vocabulary::{EnvState, Permission};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AppRecord {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnvRecord {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "Flag")]
    pub padlocked: bool,
    pub state: EnvState,
    pub package_id: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PackageRecord {
    pub id: i64,
    pub app_id: i64,
    pub filename: String,
    pub sha256: String,
    pub size: i64,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}

/// A member's rights on one app, as read for a permission check.
#[derive(Debug, Clone, Default)]
pub struct Membership {
    pub is_contact: bool,
    /// The team role: `develop` or `deploy` (technical contacts are `deploy`).
    pub role: String,
    /// (environment id, permission) pairs.
    pub permissions: Vec<(i64, Permission)>,
}

/// One row of an app's permission table: a member, and one of their permissions if any.
#[derive(sqlx::FromRow)]
struct MemberPermission {
    username: String,
    #[sqlx(try_from = "Flag")]
    is_contact: bool,
    env_id: Option<i64>,
    permission: Option<Permission>,
}

/// The account's role on an app's team if any, and one of its node permissions there if
/// any.
#[derive(sqlx::FromRow)]
struct MembershipRow {
    /// A 0/1 flag, NULL when the account is not on the team.
    is_contact: Option<i64>,
    role: Option<String>,
    env_id: Option<i64>,
    permission: Option<Permission>,
}

impl Membership {
    /// The membership the rows describe: none when they have no role (not on the team).
    fn of_rows(rows: &[MembershipRow]) -> Option<Membership> {
        let first = rows.first()?;
        Some(Membership {
            is_contact: first.is_contact? != 0,
            role: first.role.clone()?,
            permissions: rows
                .iter()
                .filter_map(|row| Some((row.env_id?, row.permission?)))
                .collect(),
        })
    }
}

/// An app as one account sees it: its team membership there, and the app's environments.
#[derive(Debug, Clone)]
pub struct AppRead {
    pub app: AppRecord,
    pub membership: Option<Membership>,
    pub envs: Vec<NodeRecord>,
}

/// An app, the account's role on its team if any, one of the app's environments if any,
/// and one of the account's permissions there if any.
#[derive(sqlx::FromRow)]
struct AppRow {
    app_id: i64,
    app_name: String,
    /// A 0/1 flag, NULL when the account is not on the team.
    is_contact: Option<i64>,
    role: Option<String>,
    env_id: Option<i64>,
    env_name: Option<String>,
    padlocked: Option<i64>,
    state: Option<EnvState>,
    package_id: Option<i64>,
    filename: Option<String>,
    sha256: Option<String>,
    permission: Option<Permission>,
}

impl AppRead {
    /// Rows ordered by environment: each environment's rows are consecutive.
    fn of_rows(rows: Vec<AppRow>) -> Option<AppRead> {
        let first = rows.first()?;
        let app = AppRecord {
            id: first.app_id,
            name: first.app_name.clone(),
        };
        let membership = match (first.is_contact, &first.role) {
            (Some(is_contact), Some(role)) => Some(Membership {
                is_contact: is_contact != 0,
                role: role.clone(),
                permissions: rows
                    .iter()
                    .filter_map(|row| Some((row.env_id?, row.permission?)))
                    .collect(),
            }),
            _ => None,
        };
        let mut envs: Vec<NodeRecord> = Vec::new();
        for row in rows {
            let (Some(id), Some(name), Some(padlocked), Some(state)) =
                (row.env_id, row.env_name, row.padlocked, row.state)
            else {
                continue;
            };
            if envs.last().is_some_and(|node| node.env.id == id) {
                continue;
            }
            envs.push(NodeRecord {
                env: EnvRecord {
                    id,
                    name,
                    padlocked: padlocked != 0,
                    state,
                    package_id: row.package_id,
                },
                filename: row.filename,
                sha256: row.sha256,
            });
        }
        Some(AppRead {
            app,
            membership,
            envs,
        })
    }
}

/// An environment and the identity of the package deployed there, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NodeRecord {
    #[sqlx(flatten)]
    pub env: EnvRecord,
    pub filename: Option<String>,
    pub sha256: Option<String>,
}

const ENV_COLUMNS: &str = "id, name, padlocked, state, package_id";

const PACKAGE_COLUMNS: &str = "id, app_id, filename, sha256, size, uploaded_by, uploaded_at";

impl Store {
    // ---- apps, environments, members ----------------------------------------------------

    /// Creates an app with its environments and technical contacts in one transaction.
    pub async fn create_app(
        &self,
        name: &str,
        contact_ids: &[i64],
        envs: &[(String, bool)],
        now: i64,
    ) -> Result<i64> {
        let (name, contact_ids, envs) = (name.to_owned(), contact_ids.to_vec(), envs.to_vec());
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                let app_id: i64 =
                    sqlx::query_scalar("INSERT INTO apps (name, created_at) VALUES ($1, $2) RETURNING id")
                        .bind(name)
                        .bind(now)
                        .fetch_one(&mut *conn)
                        .await
                        .map_err(conflict_or)?;
                for (env_name, padlocked) in &envs {
                    sqlx::query("INSERT INTO environments (app_id, name, padlocked) VALUES ($1, $2, $3)")
                        .bind(app_id)
                        .bind(env_name)
                        .bind(*padlocked as i64)
                        .execute(&mut *conn)
                        .await
                        .map_err(conflict_or)?;
                }
                for contact_id in &contact_ids {
                    sqlx::query("INSERT INTO members (app_id, account_id, is_contact, role) VALUES ($1, $2, 1, 'deploy')")
                        .bind(app_id)
                        .bind(contact_id)
                        .execute(&mut *conn)
                        .await
                        .map_err(conflict_or)?;
                }
                Ok(app_id)
            })
        })
        .await
    }

    pub async fn app_by_name(&self, name: &str) -> Result<Option<AppRecord>> {
        Ok(sqlx::query_as("SELECT id, name FROM apps WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.db)
            .await?)
    }

    /// Apps the account belongs to, or all apps when `all` (support).
    pub async fn list_apps(&self, account_id: i64, all: bool) -> Result<Vec<AppRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, name FROM apps WHERE $2 = 1 OR id IN (SELECT app_id FROM members WHERE account_id = $1) ORDER BY name",
        )
        .bind(account_id)
        .bind(all as i64)
        .fetch_all(&self.db)
        .await?)
    }

    pub async fn contacts_of(&self, app_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT a.username FROM members m JOIN accounts a ON a.id = m.account_id \
             WHERE m.app_id = $1 AND m.is_contact = 1 ORDER BY a.username",
        )
        .bind(app_id)
        .fetch_all(&self.db)
        .await?)
    }

    pub async fn envs_of(&self, app_id: i64) -> Result<Vec<EnvRecord>> {
        let sql = format!("SELECT {ENV_COLUMNS} FROM environments WHERE app_id = $1 ORDER BY id");
        Ok(sqlx::query_as(&sql)
            .bind(app_id)
            .fetch_all(&self.db)
            .await?)
    }

    /// The account's role on the app's team and its node permissions there, in one query.
    pub async fn membership(&self, app_id: i64, account_id: i64) -> Result<Option<Membership>> {
        let rows: Vec<MembershipRow> = sqlx::query_as(
            "SELECT m.is_contact, m.role, np.env_id, np.permission \
             FROM members m \
             LEFT JOIN node_permissions np ON np.account_id = m.account_id \
               AND np.env_id IN (SELECT id FROM environments WHERE app_id = $1) \
             WHERE m.app_id = $1 AND m.account_id = $2",
        )
        .bind(app_id)
        .bind(account_id)
        .fetch_all(&self.db)
        .await?;
        Ok(Membership::of_rows(&rows))
    }

    /// The app named `name` as `account_id` sees it, in one query: what every request about
    /// an app reads first. One row per environment and permission of the account there.
    pub async fn app_as_seen_by(&self, name: &str, account_id: i64) -> Result<Option<AppRead>> {
        let rows: Vec<AppRow> = sqlx::query_as(
            "SELECT a.id AS app_id, a.name AS app_name, m.is_contact, m.role, \
               e.id AS env_id, e.name AS env_name, e.padlocked, e.state, e.package_id, \
               p.filename, p.sha256, np.permission \
             FROM apps a \
             LEFT JOIN members m ON m.app_id = a.id AND m.account_id = $2 \
             LEFT JOIN environments e ON e.app_id = a.id \
             LEFT JOIN packages p ON p.id = e.package_id \
             LEFT JOIN node_permissions np ON np.env_id = e.id AND np.account_id = m.account_id \
             WHERE a.name = $1 ORDER BY e.id",
        )
        .bind(name)
        .bind(account_id)
        .fetch_all(&self.db)
        .await?;
        Ok(AppRead::of_rows(rows))
    }

    /// Every member of the app with their permissions: (username, is_contact, env_id, permission).
    pub async fn permissions_of_app(
        &self,
        app_id: i64,
    ) -> Result<Vec<(String, bool, Option<i64>, Option<Permission>)>> {
        let rows: Vec<MemberPermission> = sqlx::query_as(
            "SELECT a.username, m.is_contact, np.env_id, np.permission FROM members m \
             JOIN accounts a ON a.id = m.account_id \
             LEFT JOIN node_permissions np ON np.account_id = m.account_id \
               AND np.env_id IN (SELECT id FROM environments WHERE app_id = $1) \
             WHERE m.app_id = $1 ORDER BY a.username, np.env_id, np.permission",
        )
        .bind(app_id)
        .fetch_all(&self.db)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.username, r.is_contact, r.env_id, r.permission))
            .collect())
    }

    /// Adds node permissions to a `deploy` member of the app; `false` (and nothing changed)
    /// when the account is not one. The member row is touched first so that it stays locked
    /// until commit: a concurrent removal from the team (which changes that row before
    /// deleting permissions) waits for this grant and then deletes it too, or this grant
    /// waits for the removal and finds no `deploy` member.
    pub async fn grant_permissions(
        &self,
        app_id: i64,
        account_id: i64,
        env_ids: &[i64],
        permissions: &[Permission],
    ) -> Result<bool> {
        let (env_ids, permissions) = (env_ids.to_vec(), permissions.to_vec());
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                let deploy = sqlx::query(
                    "UPDATE members SET role = role WHERE app_id = $1 AND account_id = $2 AND role = 'deploy'",
                )
                .bind(app_id)
                .bind(account_id)
                .execute(&mut *conn)
                .await?;
                if deploy.rows_affected() == 0 {
                    return Ok(false);
                }
                each_env_permission(
                    conn,
                    "INSERT INTO node_permissions (env_id, account_id, permission) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    account_id,
                    &env_ids,
                    &permissions,
                )
                .await?;
                Ok(true)
            })
        })
        .await
    }

    pub async fn revoke_permissions(
        &self,
        account_id: i64,
        env_ids: &[i64],
        permissions: &[Permission],
    ) -> Result<()> {
        let (env_ids, permissions) = (env_ids.to_vec(), permissions.to_vec());
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                each_env_permission(
                    conn,
                    "DELETE FROM node_permissions WHERE env_id = $1 AND account_id = $2 AND permission = $3",
                    account_id,
                    &env_ids,
                    &permissions,
                )
                .await
            })
        })
        .await
    }

    pub async fn set_env_state(
        &self,
        env_id: i64,
        state: EnvState,
        package_id: Option<i64>,
    ) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE environments SET state = $2, package_id = COALESCE($3, package_id) WHERE id = $1")
                .bind(env_id)
                .bind(state)
                .bind(package_id),
        )
        .await?;
        Ok(())
    }

    // ---- packages -------------------------------------------------------------------

    pub async fn create_package(
        &self,
        app_id: i64,
        filename: &str,
        sha256: &str,
        size: i64,
        uploaded_by: &str,
        now: i64,
    ) -> Result<PackageRecord> {
        let insert = sqlx::query_scalar(
            "INSERT INTO packages (app_id, filename, sha256, size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(app_id)
        .bind(filename.to_owned())
        .bind(sha256.to_owned())
        .bind(size)
        .bind(uploaded_by.to_owned())
        .bind(now);
        let id = self.write_returning(insert).await?;
        Ok(PackageRecord {
            id,
            app_id,
            filename: filename.to_owned(),
            sha256: sha256.to_owned(),
            size,
            uploaded_by: uploaded_by.to_owned(),
            uploaded_at: now,
        })
    }

    pub async fn packages_of(&self, app_id: i64) -> Result<Vec<PackageRecord>> {
        let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages WHERE app_id = $1 ORDER BY id");
        Ok(sqlx::query_as(&sql)
            .bind(app_id)
            .fetch_all(&self.db)
            .await?)
    }

    pub async fn package(&self, app_id: i64, id: i64) -> Result<Option<PackageRecord>> {
        let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages WHERE app_id = $1 AND id = $2");
        Ok(sqlx::query_as(&sql)
            .bind(app_id)
            .bind(id)
            .fetch_optional(&self.db)
            .await?)
    }
}

/// Runs `sql` once for every environment and permission given: `$1` the environment, `$2`
/// the account, `$3` the permission.
async fn each_env_permission(
    conn: &mut WriteConnection<'_>,
    sql: &str,
    account_id: i64,
    env_ids: &[i64],
    permissions: &[Permission],
) -> Result<()> {
    for env_id in env_ids {
        for permission in permissions {
            sqlx::query(sql)
                .bind(env_id)
                .bind(account_id)
                .bind(permission)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one read behind every request about an app: the member's permissions are theirs
    /// on this app only, each environment comes once whatever the member holds there, and
    /// a stranger reads the app without a membership.
    #[tokio::test]
    async fn an_app_as_seen_by_a_member_a_stranger_and_on_another_app() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&super::super::sqlite::url_in(dir.path()))
            .await
            .unwrap();
        let contact = store
            .create_account("carol", "x", false, 0)
            .await
            .unwrap()
            .id;
        let member = store
            .create_account("dave", "x", false, 0)
            .await
            .unwrap()
            .id;
        let stranger = store
            .create_account("erin", "x", false, 0)
            .await
            .unwrap()
            .id;
        let envs = |names: &[&str]| {
            names
                .iter()
                .map(|n| (n.to_string(), *n == "prod"))
                .collect::<Vec<_>>()
        };
        let demo = store
            .create_app("demo", &[contact], &envs(&["test", "prod", "qa"]), 0)
            .await
            .unwrap();
        let other = store
            .create_app("other", &[contact], &envs(&["prod"]), 0)
            .await
            .unwrap();
        let mut env_ids = Vec::new();
        for app in [demo, other] {
            let envs = store.envs_of(app).await.unwrap();
            env_ids.push(envs.iter().map(|env| env.id).collect::<Vec<_>>());
        }
        let (demo_envs, other_envs) = (&env_ids[0], &env_ids[1]);
        for app in [demo, other] {
            store.add_team_member(app, member, "deploy").await.unwrap();
        }
        use Permission::{Backups, Transport, View};
        assert!(
            store
                .grant_permissions(demo, member, &demo_envs[1..2], &[View, Transport])
                .await
                .unwrap()
        );
        assert!(
            store
                .grant_permissions(demo, member, &demo_envs[2..3], &[Backups])
                .await
                .unwrap()
        );
        assert!(
            store
                .grant_permissions(other, member, other_envs, &[View])
                .await
                .unwrap()
        );
        let package = store
            .create_package(demo, "app.tar", "ab12", 3, "carol", 0)
            .await
            .unwrap();
        store
            .set_env_state(demo_envs[1], EnvState::Running, Some(package.id))
            .await
            .unwrap();

        let read = store.app_as_seen_by("demo", member).await.unwrap().unwrap();
        assert_eq!((read.app.id, read.app.name.as_str()), (demo, "demo"));
        let membership = read.membership.unwrap();
        assert_eq!(
            (membership.is_contact, membership.role.as_str()),
            (false, "deploy")
        );
        let mut held = membership.permissions.clone();
        held.sort_by_key(|(env, permission)| (*env, permission.as_str()));
        assert_eq!(
            held,
            vec![
                (demo_envs[1], Transport),
                (demo_envs[1], View),
                (demo_envs[2], Backups)
            ]
        );
        let names: Vec<_> = read
            .envs
            .iter()
            .map(|node| node.env.name.as_str())
            .collect();
        assert_eq!(names, ["test", "prod", "qa"]);
        let prod = &read.envs[1];
        assert!(prod.env.padlocked);
        assert_eq!(prod.env.state, EnvState::Running);
        assert_eq!(
            (
                prod.env.package_id,
                prod.filename.as_deref(),
                prod.sha256.as_deref()
            ),
            (Some(package.id), Some("app.tar"), Some("ab12"))
        );
        assert_eq!(read.envs[0].filename, None);

        let seen_by_stranger = store
            .app_as_seen_by("demo", stranger)
            .await
            .unwrap()
            .unwrap();
        assert!(seen_by_stranger.membership.is_none());
        assert_eq!(seen_by_stranger.envs.len(), 3);
        let contact_read = store
            .app_as_seen_by("demo", contact)
            .await
            .unwrap()
            .unwrap();
        let contact_membership = contact_read.membership.unwrap();
        assert!(contact_membership.is_contact);
        assert!(contact_membership.permissions.is_empty());
        assert!(
            store
                .app_as_seen_by("nothing", member)
                .await
                .unwrap()
                .is_none()
        );
    }
}
