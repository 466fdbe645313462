//! The closed sets of words that travel between the database, the padlock's decisions, the
//! API and the CLI: node permissions, second-factor methods, operation kinds and states,
//! environment states and grant kinds. Each is an enum, parsed once where the word comes in
//! (a request, a row), so a misspelt word cannot compile. On the wire and in the database
//! they are the same lower-case words as ever.

/// Defines a word enum: `as_str`, `ALL`, `Display`, `FromStr`, serde with the same words, and
/// sqlx encode/decode as text through the `Any` driver.
macro_rules! words {
    ($(#[$meta:meta])* pub enum $name:ident ($what:literal) {
        $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
        }

        // Not every set needs every helper.
        #[allow(dead_code)]
        impl $name {
            /// Every word, in the order the API lists them.
            pub const ALL: &[$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }

            /// The words joined for a message: `a, b, c`.
            pub fn listed() -> String {
                $name::ALL.iter().map(|word| word.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownWord;

            fn from_str(word: &str) -> Result<$name, UnknownWord> {
                match word {
                    $($word => Ok($name::$variant),)+
                    _ => Err(UnknownWord { what: $what, word: word.to_owned() }),
                }
            }
        }

        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }

            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let word: &'q str = self.as_str();
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode(word, buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: <sqlx::Any as sqlx::Database>::ValueRef<'r>) -> Result<$name, sqlx::error::BoxDynError> {
                let word = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                Ok(word.parse()?)
            }
        }
    };
}

/// A word that is not one of its set: what was expected, and what came.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {word:?}")]
pub struct UnknownWord {
    pub what: &'static str,
    pub word: String,
}

words! {
    /// A node permission a member holds on an environment. All but `view` are also the
    /// operations a CI grant may allow.
    pub enum Permission ("permission") {
        View = "view",
        Transport = "transport",
        Manage = "manage",
        Backups = "backups",
    }
}

words! {
    /// How an account proves its second factor.
    pub enum Method ("second-factor method") {
        Totp = "totp",
        Sms = "sms",
    }
}

words! {
    /// What an operation does to an environment.
    pub enum OperationKind ("operation") {
        Transport = "transport",
        Start = "start",
        Stop = "stop",
        Restart = "restart",
        BackupCreate = "backup_create",
        BackupRestore = "backup_restore",
    }
}

words! {
    /// Where an operation is in its life.
    pub enum OperationState ("operation state") {
        Queued = "queued",
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
    }
}

words! {
    /// Whether an environment's application runs.
    pub enum EnvState ("environment state") {
        Running = "running",
        Stopped = "stopped",
    }
}

words! {
    /// An interactive grant (bound to a session, issued by a second factor) or a CI grant.
    pub enum GrantKind ("grant kind") {
        Interactive = "grant",
        Ci = "ci",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_as_written_on_every_path() {
        for permission in Permission::ALL {
            let word = permission.as_str();
            assert_eq!(word.parse::<Permission>(), Ok(*permission));
            assert_eq!(permission.to_string(), word);
            let json = serde_json::to_string(permission).unwrap();
            assert_eq!(json, format!("{word:?}"));
            assert_eq!(
                serde_json::from_str::<Permission>(&json).unwrap(),
                *permission
            );
        }
        assert_eq!(Permission::listed(), "view, transport, manage, backups");
        assert_eq!("sms".parse::<Method>(), Ok(Method::Sms));
        assert_eq!(OperationKind::BackupCreate.as_str(), "backup_create");
        assert_eq!("grant".parse::<GrantKind>(), Ok(GrantKind::Interactive));
        let unknown = "View".parse::<Permission>().unwrap_err();
        assert_eq!(unknown.to_string(), "unknown permission \"View\"");
    }
}
