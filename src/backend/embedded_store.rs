//! The default backend: the domain's store, compiled into the Wasm and kept in localStorage.
//!
//! What is kept grows with the changes, not with the data: a base (which demo data; or the
//! whole state, for data saved by the first release) and then one small entry per change,
//! in the order the changes were made. At start the base is rebuilt and the changes applied
//! again. Anything unreadable is replaced by fresh demo data with a notice, never a panic.
//!
//! A change is decided by the domain, written to localStorage, and only then applied to
//! memory; a change the browser cannot keep is not made at all.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;

use domain::{Caller, Change, Clock, CustomerUpn, DemoSpec, DomainError, PartnerStore, PartnerUserId, StoreSnapshot};
use serde::{Deserialize, Serialize};

use super::{BackendError, BrowserClock, Revision};
use crate::browser_events::Listener;

/// The first release kept the whole state under this key (format version 1). It is read
/// once, to carry its data over, and then removed.
pub const STORAGE_KEY_V1: &str = "customer-permissions/store";
/// The base of the current format; each change is kept under `{STORAGE_PREFIX}/change/{n}`.
pub const STORAGE_PREFIX: &str = "customer-permissions/store/v2";
const FORMAT_VERSION: u32 = 2;

/// Where the kept changes start from.
#[derive(Debug, Serialize, Deserialize)]
enum Base {
    /// Fresh demo data of this spec.
    Demo(DemoSpec),
    /// The whole state, as carried over from data saved by the first release.
    Snapshot(StoreSnapshot),
}

/// [`Base::Demo`] on its own: written as `Base` writes it (`{"Demo": spec}`), so that fresh
/// demo data (the first page's) does not need the serialization of a whole snapshot, which
/// grows with every kind of change and belongs to the `saved_data` chunk.
#[derive(Serialize)]
enum DemoBase<'a> {
    Demo(&'a DemoSpec),
}

#[derive(Serialize, Deserialize)]
struct SavedBase<B = Base> {
    version: u32,
    base: B,
}

/// Data saved by the first release (its `version` is checked by [`read_versioned`]).
#[derive(Deserialize)]
struct SavedV1 {
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
    journal: Journal,
    clock: BrowserClock,
    revision: Revision,
    /// What every read does first, once the store's operations are loaded.
    catch_up: Cell<Option<fn(&EmbeddedStore)>>,
    /// How a change another tab kept is applied here, once this tab has read kept data (the
    /// `saved_data` chunk, which reads kept changes, sets it; until then, the whole store is
    /// read again, which sets it).
    apply_kept: Cell<Option<fn(&EmbeddedStore, &web_sys::Event) -> bool>>,
    /// Whether the demo's own purchases are in the store (fresh demo data gets them once its
    /// operations are loaded: the first page shows none).
    purchases_made: Cell<bool>,
}

impl EmbeddedStore {
    /// Whether this browser kept data of an earlier visit (then [`EmbeddedStore::load`]
    /// reads it; else [`EmbeddedStore::fresh_demo`] will do).
    pub fn has_saved_data() -> bool {
        let journal = Journal::open();
        journal.get(STORAGE_PREFIX).is_some() || journal.get(STORAGE_KEY_V1).is_some()
    }

    /// Fresh demo data, for a browser that kept nothing (a first visit).
    pub fn fresh_demo() -> (Self, LoadOutcome) {
        let journal = Journal::open();
        let clock = BrowserClock;
        let store = Self::fresh(&journal, &clock);
        (Self::of(store, journal, clock, false), LoadOutcome::Fresh)
    }

    /// Loads the store kept in localStorage, or fresh demo data.
    pub fn load() -> (Self, LoadOutcome) {
        let journal = Journal::open();
        let clock = BrowserClock;
        let (store, outcome, purchases_made) = match journal.load() {
            Ok(Some((store, outcome))) => (store, outcome, true),
            Ok(None) => (Self::fresh(&journal, &clock), LoadOutcome::Fresh, false),
            Err(outcome) => (Self::fresh(&journal, &clock), outcome, false),
        };
        let store = Self::of(store, journal, clock, purchases_made);
        // This reads kept changes: from now on it can apply the ones other tabs keep.
        store.apply_kept.set(Some(Self::apply_other_tabs_change));
        (store, outcome)
    }

    fn of(store: PartnerStore, journal: Journal, clock: BrowserClock, purchases_made: bool) -> Self {
        Self {
            store: RefCell::new(store),
            journal,
            clock,
            revision: Revision::default(),
            catch_up: Cell::new(None),
            apply_kept: Cell::new(None),
            purchases_made: Cell::new(purchases_made),
        }
    }

    /// Fresh demo data (without its purchases yet: [`EmbeddedStore::make_demo_purchases`]),
    /// kept as the new base (best effort: without storage the demo still works for this
    /// visit).
    fn fresh(journal: &Journal, clock: &BrowserClock) -> PartnerStore {
        let spec = DemoSpec::new(0, clock.now());
        let _ = journal.start_over(DemoBase::Demo(&spec));
        PartnerStore::demo_without_purchases(spec)
    }

    /// A read of the store; once the store's operations are loaded, with every purchase past
    /// its expiry ended (and renewed) first.
    pub(super) fn read<T>(&self, read: impl FnOnce(&PartnerStore) -> Result<T, DomainError>) -> Result<T, BackendError> {
        if let Some(catch_up) = self.catch_up.get() {
            catch_up(self);
        }
        Ok(read(&self.store.borrow())?)
    }

    /// From now on every read first makes the demo's own purchases (once, for fresh demo
    /// data) and keeps what the passing of time decided. Called by the `store` chunk: the
    /// first page shows no purchase, and the rules of buying and of expiry, and the keeping
    /// of any change, stay out of its download (a function set here, not called).
    pub fn keep_expiries_from_now_on(&self) {
        self.catch_up.set(Some(Self::catch_up));
    }

    fn catch_up(&self) {
        self.make_demo_purchases();
        while self.store.borrow().expiry_due(self.clock.now()) {
            if !matches!(self.change(|store, clock| store.decide_next_expiry(clock)), Ok(true)) {
                return;
            }
        }
    }

    /// The demo's own purchases, once (they belong to its base: a later visit makes them
    /// again from it, before the changes kept).
    fn make_demo_purchases(&self) {
        if !self.purchases_made.replace(true) {
            self.store.borrow_mut().make_demo_purchases();
        }
    }

    /// A read of Partner Center's data, which only partner users make.
    pub(super) fn read_as_partner<T>(
        &self,
        caller: &Caller,
        read: impl FnOnce(&PartnerStore, &PartnerUserId) -> Result<T, DomainError>,
    ) -> Result<T, BackendError> {
        let partner = caller.partner()?;
        self.read(|store| read(store, partner))
    }

    /// A read of the customer's own side (the Azure portal), which only customer users make.
    pub(super) fn read_as_customer<T>(
        &self,
        caller: &Caller,
        read: impl FnOnce(&PartnerStore, &CustomerUpn) -> Result<T, DomainError>,
    ) -> Result<T, BackendError> {
        let customer = caller.customer()?;
        self.read(|store| read(store, customer))
    }

    /// A change: decided by the domain against the current state, kept in localStorage,
    /// then applied. `Ok(false)` when the request changes nothing (nothing is kept).
    pub(super) fn change(
        &self,
        decide: impl FnOnce(&PartnerStore, &dyn Clock) -> Result<Option<Change>, DomainError>,
    ) -> Result<bool, BackendError> {
        self.make_demo_purchases();
        let Some(change) = decide(&self.store.borrow(), &self.clock)? else {
            return Ok(false);
        };
        self.journal.keep(&change)?;
        self.store.borrow_mut().apply(change);
        self.revision.bump();
        Ok(true)
    }

    pub(super) fn revision(&self) -> &Revision {
        &self.revision
    }

    /// Follows what the browser's other tabs keep (their `storage` events). A change another
    /// tab kept is applied here too, and the pages showing what it touched read again;
    /// anything else (a new base, a gap, the storage cleared, or a tab that has not read kept
    /// data yet) reads the whole store again as it is kept now (with the `saved_data` chunk),
    /// and every page reads again.
    pub fn follow_other_tabs(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else { return };
        let store = Rc::downgrade(self);
        let listener = Listener::new(
            window.unchecked_ref(),
            "storage",
            Box::new(move |event| {
                let Some(store) = store.upgrade() else { return };
                if store.apply_kept.get().is_some_and(|apply| apply(&store, &event)) {
                    return;
                }
                // No key: the other tab cleared the storage.
                let key = event.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
                if key.is_some_and(|key| !key.starts_with(STORAGE_PREFIX)) {
                    return;
                }
                leptos::task::spawn_local(async move {
                    if let Ok((kept, _)) = crate::chunks::restore_saved_data().await {
                        store.take_over(&kept);
                    }
                });
            }),
        );
        if let Some(listener) = listener {
            listener.forever();
        }
    }

    /// Applies the change another tab kept (its `storage` event), if it is the next one this
    /// tab expects; `false` for anything else (then the whole store is read again).
    fn apply_other_tabs_change(&self, event: &web_sys::Event) -> bool {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return false };
        let (Some(key), Some(text)) = (event.key(), event.new_value()) else { return false };
        if key != change_key(self.journal.next.get()) {
            return false;
        }
        let Ok(change) = super::json::from_str::<Change>(&text) else { return false };
        let about = api_types::change_event::ChangeEvent::of(&change);
        self.store.borrow_mut().apply(change);
        self.journal.next.set(self.journal.next.get() + 1);
        // Another tab keeps changes: it has made the demo's own purchases (as `load` finds).
        self.purchases_made.set(true);
        self.revision.bump_from_elsewhere(Some(about));
        true
    }

    /// Takes `kept`'s data (the store as another tab left it, read again) as this one's.
    fn take_over(&self, kept: &EmbeddedStore) {
        self.store.swap(&kept.store);
        self.apply_kept.set(kept.apply_kept.get());
        self.journal.next.set(kept.journal.next.get());
        self.purchases_made.set(kept.purchases_made.get());
        self.revision.bump_from_elsewhere(None);
    }

    /// Starts again with fresh demo data of `extra_customers` generated customers; kept
    /// before it replaces what is in memory.
    pub(super) fn reset(&self, extra_customers: u32) -> Result<(), BackendError> {
        let spec = DemoSpec::new(extra_customers, self.clock.now());
        self.journal.start_over(DemoBase::Demo(&spec))?;
        *self.store.borrow_mut() = PartnerStore::demo_without_purchases(spec);
        self.purchases_made.set(false);
        self.revision.bump();
        Ok(())
    }
}

/// The kept data in localStorage: the base, and the changes after it.
struct Journal {
    storage: Option<web_sys::Storage>,
    /// The number of the next change to keep.
    next: Cell<u64>,
}

fn change_key(n: u64) -> String {
    format!("{STORAGE_PREFIX}/change/{n:010}")
}

/// The browser's name of why it refused to store something (e.g. `QuotaExceededError`).
fn storage_error(error: wasm_bindgen::JsValue) -> BackendError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
    BackendError::Storage(name.unwrap_or_default())
}

impl Journal {
    fn open() -> Self {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Self { storage, next: Cell::new(1) }
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    /// The numbers of the kept changes, in order.
    fn change_numbers(&self) -> Vec<u64> {
        let Some(storage) = &self.storage else { return Vec::new() };
        let prefix = format!("{STORAGE_PREFIX}/change/");
        let count = storage.length().unwrap_or(0);
        let mut numbers: Vec<u64> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|key| key.strip_prefix(&prefix).and_then(|n| n.parse().ok()))
            .collect();
        numbers.sort_unstable();
        numbers
    }

    /// The store as it was kept: `Ok(None)` when nothing was, `Err` with what to tell the
    /// user when it cannot be read.
    fn load(&self) -> Result<Option<(PartnerStore, LoadOutcome)>, LoadOutcome> {
        match self.get(STORAGE_PREFIX) {
            Some(text) => self.load_v2(&text).map(|store| Some((store, LoadOutcome::Restored))),
            None => match self.get(STORAGE_KEY_V1) {
                Some(text) => self.carry_over_v1(&text).map(|store| Some((store, LoadOutcome::Restored))),
                None => Ok(None),
            },
        }
    }

    fn load_v2(&self, text: &str) -> Result<PartnerStore, LoadOutcome> {
        let saved: SavedBase = read_versioned(text, FORMAT_VERSION)?;
        let mut store = match saved.base {
            Base::Demo(spec) => PartnerStore::demo(spec),
            Base::Snapshot(snapshot) => PartnerStore::from_snapshot(snapshot),
        };
        let numbers = self.change_numbers();
        for n in &numbers {
            let text = self.get(&change_key(*n)).ok_or(LoadOutcome::Unreadable)?;
            let change: Change = super::json::from_str(&text).map_err(|_| LoadOutcome::Unreadable)?;
            store.apply(change);
        }
        self.next.set(numbers.last().map_or(1, |n| n + 1));
        Ok(store)
    }

    /// Reads the first release's data and keeps it as the base of the current format.
    fn carry_over_v1(&self, text: &str) -> Result<PartnerStore, LoadOutcome> {
        let saved: SavedV1 = read_versioned(text, 1)?;
        let store = PartnerStore::from_snapshot(saved.snapshot);
        // Best effort: if it cannot be written now, the old key is still there next time.
        if self.start_over(Base::Snapshot(store.snapshot())).is_ok() {
            if let Some(storage) = &self.storage {
                let _ = storage.remove_item(STORAGE_KEY_V1);
            }
        }
        Ok(store)
    }

    /// Keeps one change, after the ones kept before.
    fn keep(&self, change: &Change) -> Result<(), BackendError> {
        let Some(storage) = &self.storage else { return Ok(()) };
        let text = super::json::to_string(change).map_err(BackendError::Storage)?;
        let n = self.next.get();
        storage.set_item(&change_key(n), &text).map_err(storage_error)?;
        self.next.set(n + 1);
        Ok(())
    }

    /// Makes `base` the whole kept data: the new base is written first (if that fails,
    /// nothing changed), then every earlier change and the first release's key go.
    fn start_over<B: Serialize>(&self, base: B) -> Result<(), BackendError> {
        let Some(storage) = &self.storage else { return Ok(()) };
        let text = super::json::to_string(&SavedBase { version: FORMAT_VERSION, base }).map_err(BackendError::Storage)?;
        storage.set_item(STORAGE_PREFIX, &text).map_err(storage_error)?;
        for n in self.change_numbers() {
            let _ = storage.remove_item(&change_key(n));
        }
        let _ = storage.remove_item(STORAGE_KEY_V1);
        self.next.set(1);
        Ok(())
    }
}

/// Saved data of format `version`; another version is [`LoadOutcome::OldVersion`], anything
/// unreadable [`LoadOutcome::Unreadable`].
fn read_versioned<T: serde::de::DeserializeOwned>(text: &str, version: u32) -> Result<T, LoadOutcome> {
    match super::json::from_str::<SavedVersion>(text) {
        Ok(saved) if saved.version != version => Err(LoadOutcome::OldVersion),
        Ok(_) => super::json::from_str(text).map_err(|_| LoadOutcome::Unreadable),
        Err(_) => Err(LoadOutcome::Unreadable),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// A first visit writes its base without a snapshot's serialization; a later visit reads
    /// it as the one `Base` it is.
    #[test]
    fn fresh_demo_data_is_kept_as_the_base_a_later_visit_reads() {
        let spec = DemoSpec::new(3, time::OffsetDateTime::UNIX_EPOCH);
        let written = serde_json::to_string(&SavedBase { version: FORMAT_VERSION, base: DemoBase::Demo(&spec) }).expect("JSON");
        let read: SavedBase = serde_json::from_str(&written).expect("read back");
        assert_eq!(read.version, FORMAT_VERSION);
        assert!(matches!(read.base, Base::Demo(kept) if kept == spec), "{written}");
    }
}
