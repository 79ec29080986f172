//! The default backend: the domain's store, compiled into the Wasm and kept in localStorage.
//!
//! Only what changed since the deterministic demo data is saved (policies, Activity log),
//! under a versioned key; anything unreadable is replaced by fresh demo data, never a panic.

use std::cell::RefCell;

use async_trait::async_trait;
use domain::{
    ActivityRecord, Clock, Customer, CustomerId, CustomerPage, DemoSpec, PartnerStore,
    PartnerUser, PartnerUserId, Permission, PermissionSet, Readiness, StoreSnapshot,
    Subscription,
};
use serde::{Deserialize, Serialize};
use time::Date;

use super::{Backend, BackendError, BackendKind, BrowserClock};

/// The localStorage key. The number is the format's version: a new format gets a new key.
pub const STORAGE_KEY: &str = "customer-permissions/store";
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct SavedStore {
    version: u32,
    snapshot: StoreSnapshot,
}

/// Just the version of whatever was saved, to tell old data from broken data.
#[derive(Deserialize)]
struct SavedVersion {
    version: u32,
}

/// What was found in storage at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// The saved data was loaded.
    Restored,
    /// Nothing was saved yet: fresh demo data.
    Fresh,
    /// Saved data could not be read: fresh demo data.
    Unreadable,
    /// Saved data had another format version: fresh demo data.
    OldVersion,
}

pub struct EmbeddedStore {
    store: RefCell<PartnerStore>,
    storage: Option<web_sys::Storage>,
    clock: BrowserClock,
}

impl EmbeddedStore {
    /// Loads the store saved in localStorage, or fresh demo data.
    pub fn load() -> (Self, LoadOutcome) {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let saved = storage.as_ref().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let (store, outcome) = match saved {
            None => (None, LoadOutcome::Fresh),
            Some(text) => match super::json::from_str::<SavedStore>(&text) {
                Ok(saved) if saved.version == FORMAT_VERSION => {
                    (Some(PartnerStore::from_snapshot(saved.snapshot)), LoadOutcome::Restored)
                }
                // Only when it cannot be read: is it another version's data, or broken?
                _ => match super::json::from_str::<SavedVersion>(&text) {
                    Ok(saved) if saved.version != FORMAT_VERSION => (None, LoadOutcome::OldVersion),
                    _ => (None, LoadOutcome::Unreadable),
                },
            },
        };
        let clock = BrowserClock;
        let fresh = store.is_none();
        let store = store.unwrap_or_else(|| PartnerStore::demo(DemoSpec::new(0, clock.now())));
        let this = Self { store: RefCell::new(store), storage, clock };
        if fresh {
            // Best effort: if storage is unavailable the demo still works for this visit.
            let _ = save(this.storage.as_ref(), &this.store.borrow());
        }
        (this, outcome)
    }
}

/// Writes `store` to localStorage (when the browser has it).
fn save(storage: Option<&web_sys::Storage>, store: &PartnerStore) -> Result<(), BackendError> {
    let Some(storage) = storage else {
        return Ok(());
    };
    let saved = SavedStore { version: FORMAT_VERSION, snapshot: store.snapshot() };
    let text = super::json::to_string(&saved).map_err(|e| BackendError::Storage(e.to_string()))?;
    storage
        .set_item(STORAGE_KEY, &text)
        .map_err(|_| BackendError::Storage("the browser refused to store it".to_string()))
}

#[async_trait(?Send)]
impl Backend for EmbeddedStore {
    fn kind(&self) -> BackendKind {
        BackendKind::Embedded
    }

    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError> {
        Ok(self.store.borrow().partner_users().to_vec())
    }

    async fn customers(&self, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError> {
        Ok(self.store.borrow().customers_page(search, offset, limit))
    }

    async fn customer(&self, id: CustomerId) -> Result<Customer, BackendError> {
        Ok(self.store.borrow().customer(&id)?.clone())
    }

    async fn subscriptions(&self, id: CustomerId) -> Result<Vec<Subscription>, BackendError> {
        Ok(self.store.borrow().subscriptions(&id)?.to_vec())
    }

    async fn readiness(&self, id: CustomerId) -> Result<Readiness, BackendError> {
        Ok(self.store.borrow().readiness(&id)?)
    }

    async fn permissions(&self, id: CustomerId) -> Result<PermissionSet, BackendError> {
        Ok(self.store.borrow().granted(&id)?)
    }

    async fn set_permission(
        &self,
        actor: &PartnerUserId,
        id: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<PermissionSet, BackendError> {
        // A change the browser cannot store is taken back: memory and storage stay the same.
        let storage = self.storage.as_ref();
        let change = self.store.borrow_mut().set_permission_kept(
            actor,
            &id,
            permission,
            allowed,
            &self.clock,
            |store, _| save(storage, store),
        )?;
        Ok(change.permissions())
    }

    async fn activity(&self, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError> {
        Ok(self.store.borrow().activity(from, to))
    }

    async fn reset_demo_data(&self, extra_customers: u32) -> Result<(), BackendError> {
        let store = PartnerStore::demo(DemoSpec::new(extra_customers, self.clock.now()));
        save(self.storage.as_ref(), &store)?;
        *self.store.borrow_mut() = store;
        Ok(())
    }
}
