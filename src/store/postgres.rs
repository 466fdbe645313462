//! PostgreSQL, for several replicas serving one organisation: every piece of state that
//! security depends on lives here, so replicas agree.

use sqlx::migrate::Migrator;

pub static MIGRATOR: Migrator = sqlx::migrate!("src/store/migrations/postgres");
