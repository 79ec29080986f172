//! The server's state: the domain's store in memory, in front of the SQLite file.
//! Reads take the store's read lock; a change takes the write lock and the file, applies
//! the change through the domain, and saves it before anyone is told.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use domain::{
    Clock, CustomerId, DemoSpec, Etag, PartnerStore, PartnerUserId, PermissionSet, PolicyChange,
};
use time::OffsetDateTime;

use crate::auth::token_table;
use crate::db::{Db, DbError, StoredReply};
use crate::error::ApiError;

/// The machine's clock to the whole second, which is what the data file keeps.
pub struct SecondsClock;

impl Clock for SecondsClock {
    fn now(&self) -> OffsetDateTime {
        let now = OffsetDateTime::now_utc();
        now.replace_nanosecond(0).unwrap_or(now)
    }
}

#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

struct Shared {
    store: RwLock<PartnerStore>,
    db: Mutex<Db>,
    tokens: HashMap<String, PartnerUserId>,
}

/// How a data file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A new file, filled with fresh demo data.
    Created,
    /// A file already holding data; `--seed-customers` did not apply.
    Loaded,
}

impl AppState {
    /// Opens `path`, filling it with demo data (`extra_customers` generated customers beside
    /// the hand-made ones) when it holds none yet.
    pub fn open(path: &Path, extra_customers: u32) -> Result<(Self, Opened), DbError> {
        let mut db = Db::open(path)?;
        let (store, opened) = match db.load()? {
            Some(snapshot) => (PartnerStore::from_snapshot(snapshot), Opened::Loaded),
            None => {
                let store = PartnerStore::demo(DemoSpec::new(extra_customers, SecondsClock.now()));
                db.init(&store.snapshot())?;
                (store, Opened::Created)
            }
        };
        let tokens = token_table(store.partner_users());
        let shared = Shared {
            store: RwLock::new(store),
            db: Mutex::new(db),
            tokens,
        };
        Ok((
            Self {
                shared: Arc::new(shared),
            },
            opened,
        ))
    }

    pub fn user_for_token(&self, token: &str) -> Option<PartnerUserId> {
        self.shared.tokens.get(token).cloned()
    }

    /// The store, to read. (A poisoned lock still holds consistent data: every change is
    /// made whole or taken back before the lock is released.)
    pub fn read(&self) -> RwLockReadGuard<'_, PartnerStore> {
        self.shared.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The store and the data file, to change them; one change at a time.
    pub fn write(&self) -> Writer<'_> {
        let store = self.shared.store.write().unwrap_or_else(|e| e.into_inner());
        let db = self.shared.db.lock().unwrap_or_else(|e| e.into_inner());
        Writer { store, db }
    }
}

pub struct Writer<'a> {
    store: RwLockWriteGuard<'a, PartnerStore>,
    db: MutexGuard<'a, Db>,
}

impl Writer<'_> {
    pub fn store(&self) -> &PartnerStore {
        &self.store
    }

    /// The reply given to an earlier POST with this key (see `routes::request_key`), when
    /// the request is such a retry (never without a key).
    pub fn earlier_reply(&self, request_key: Option<&str>) -> Result<Option<StoredReply>, ApiError> {
        let Some(request_key) = request_key else {
            return Ok(None);
        };
        Ok(self.db.reply(request_key)?)
    }

    /// Makes `wanted` the customer's permissions through the domain, then saves the change
    /// (with the reply `remember` gives, if any) in one transaction. If it cannot be saved,
    /// the domain puts memory back and the caller gets an error: nothing unsaved is
    /// acknowledged.
    pub fn apply(
        &mut self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        wanted: PermissionSet,
        expected_etag: Option<&Etag>,
        remember: impl FnOnce(&PolicyChange) -> Option<StoredReply>,
    ) -> Result<PolicyChange, ApiError> {
        let db = &mut self.db;
        self.store.apply_permissions_kept(actor, customer, wanted, expected_etag, &SecondsClock, |store, change| {
            let Some(record) = &change.record else {
                return Ok(());
            };
            let reply = remember(change);
            Ok(db.save_change(customer, change.policy.as_ref(), record, store.counters(), reply.as_ref())?)
        })
    }

    /// Creates a customer through the domain and saves it (with the reply `remember` gives)
    /// before anyone is told; if it cannot be saved, the domain takes it back.
    pub fn create_customer(
        &mut self,
        actor: &PartnerUserId,
        new: domain::NewCustomer,
        remember: impl FnOnce(&domain::Customer) -> Option<StoredReply>,
    ) -> Result<domain::Customer, ApiError> {
        let db = &mut self.db;
        self.store.create_customer_kept(actor, new, |_, customer| {
            let reply = remember(customer);
            Ok(db.save_customer(customer, reply.as_ref())?)
        })
    }
}

#[cfg(test)]
mod tests {
    use domain::{PartnerRole, Permission};

    use super::*;

    #[test]
    fn a_change_the_file_refuses_is_an_error_and_memory_is_put_back() {
        let path =
            std::env::temp_dir().join(format!("mock-api-unit-{}.sqlite3", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let (state, _) = AppState::open(&path, 0).expect("opens");
        let before = state.read().snapshot();
        let admin = admin_of(&state);
        let fabrikam = state.read().customers_page("Fabrikam Inc", 0, 1).items[0].id;
        state.write().db.refuse_writes().expect("query_only");

        let wanted: PermissionSet = [Permission::AzureSavingsPlan].into_iter().collect();
        let result = state
            .write()
            .apply(&admin, &fabrikam, wanted, None, |_| None);

        assert!(matches!(result, Err(ApiError::Storage(_))), "{result:?}");
        assert_eq!(
            state.read().snapshot(),
            before,
            "nothing unsaved stays in memory"
        );
        drop(state);
        let (reopened, _) = AppState::open(&path, 0).expect("reopens");
        assert_eq!(reopened.read().snapshot(), before);
        drop(reopened);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    fn admin_of(state: &AppState) -> PartnerUserId {
        let store = state.read();
        store
            .partner_users()
            .iter()
            .find(|u| u.role == PartnerRole::AdminAgent)
            .map(|u| u.id.clone())
            .unwrap_or_else(|| PartnerUserId::new("none"))
    }
}
