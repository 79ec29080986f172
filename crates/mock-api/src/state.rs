//! The server's state: the domain's store in memory, in front of the SQLite file.
//! Reads take the store's read lock. A write takes the write lock and the file: the domain
//! decides the change against the store, the file keeps it (in one transaction), and only
//! then is it applied to memory. Nothing changes in memory that the file did not keep.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use api_types::cart::Cart;
use domain::{Change, Clock, CustomerId, DemoSpec, PartnerStore, PartnerUserId, ReservationOrderId, ReservationRequest};
use time::OffsetDateTime;
use uuid::Uuid;

/// Mixed into cart ids, so two carts made in the same nanosecond differ.
static CART_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

use api_types::change_event::ChangeEvent;

use crate::auth::token_table;
use crate::events::EventHub;
use crate::stand_in::{StandIn, StandInConfig};
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
    quotes: Mutex<Quotes>,
    events: EventHub,
    stand_in: StandIn,
}

/// What a refund or exchange quote was asked for: its `sessionId`'s meaning, until the return
/// or exchange made on it. Kept in memory (a quote is not data: after a restart, ask again).
#[derive(Debug, Clone, PartialEq)]
pub enum Quote {
    Refund { order: ReservationOrderId, quantity: u32 },
    Exchange { order: ReservationOrderId, quantity: u32, purchase: ReservationRequest },
}

/// How long a quote's session can be used.
const QUOTE_LIFETIME: Duration = Duration::from_secs(60 * 60);
/// The most sessions kept (the oldest go first).
const MAX_QUOTES: usize = 10_000;

#[derive(Default)]
struct Quotes {
    sessions: HashMap<Uuid, (Quote, Instant)>,
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
        Self::open_with(path, extra_customers, StandInConfig::default())
    }

    /// [`AppState::open`], with the stand-in's admin token, journal size and first fault rules.
    pub fn open_with(path: &Path, extra_customers: u32, config: StandInConfig) -> Result<(Self, Opened), DbError> {
        let stand_in = StandIn::new(config).map_err(|e| DbError::Invalid(format!("a fault rule: {}", e.description())))?;
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
            quotes: Mutex::new(Quotes::default()),
            events: EventHub::default(),
            stand_in,
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

    /// The store, to read, with every purchase past its expiry ended (and renewed) first.
    /// (A poisoned lock still holds consistent data: memory only changes by applying a change
    /// that is already kept, which cannot fail half-way.)
    pub fn read(&self) -> RwLockReadGuard<'_, PartnerStore> {
        let store = self.shared.store.read().unwrap_or_else(|e| e.into_inner());
        if !store.expiry_due(SecondsClock.now()) {
            return store;
        }
        drop(store);
        drop(self.write());
        self.shared.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The store and the data file, to change them; one change at a time. Purchases past
    /// their expiry are ended (and renewed) first, as time passed.
    pub fn write(&self) -> Writer<'_> {
        let store = self.shared.store.write().unwrap_or_else(|e| e.into_inner());
        let db = self.shared.db.lock().unwrap_or_else(|e| e.into_inner());
        let mut writer = Writer { store, db, events: &self.shared.events };
        writer.keep_expiries();
        writer
    }

    /// Replaces all the data (a reset, a snapshot restored): the file first, then memory;
    /// quotes are forgotten and event streams told to read everything again.
    pub fn replace(&self, snapshot: domain::StoreSnapshot) -> Result<(), ApiError> {
        let mut writer = self.write();
        writer.db.replace(&snapshot)?;
        *writer.store = PartnerStore::from_snapshot(snapshot);
        drop(writer);
        *self.shared.quotes.lock().unwrap_or_else(|e| e.into_inner()) = Quotes::default();
        self.shared.events.publish(ChangeEvent::EVERYTHING);
        Ok(())
    }

    /// Where kept changes are told.
    pub fn events(&self) -> &EventHub {
        &self.shared.events
    }

    /// Fault rules, the journal, snapshots.
    pub fn stand_in(&self) -> &StandIn {
        &self.shared.stand_in
    }

    /// Keeps `quote` for its session; the session id.
    pub fn keep_quote(&self, quote: Quote) -> Uuid {
        let mut quotes = self.shared.quotes.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        quotes.sessions.retain(|_, (_, at)| now.duration_since(*at) < QUOTE_LIFETIME);
        if quotes.sessions.len() >= MAX_QUOTES {
            if let Some(oldest) = quotes.sessions.iter().min_by_key(|(_, (_, at))| *at).map(|(id, _)| *id) {
                quotes.sessions.remove(&oldest);
            }
        }
        let id = fresh_id();
        quotes.sessions.insert(id, (quote, now));
        id
    }

    /// The quote of a session, while it lasts.
    pub fn quote(&self, session: &str) -> Result<Quote, ApiError> {
        let quotes = self.shared.quotes.lock().unwrap_or_else(|e| e.into_inner());
        Uuid::try_parse(session.trim())
            .ok()
            .and_then(|id| quotes.sessions.get(&id))
            .filter(|(_, at)| at.elapsed() < QUOTE_LIFETIME)
            .map(|(quote, _)| quote.clone())
            .ok_or(ApiError::Domain(domain::DomainError::UnknownQuote))
    }

    /// The session is used: it cannot be used again.
    pub fn end_quote(&self, session: &str) {
        if let Ok(id) = Uuid::try_parse(session.trim()) {
            self.shared.quotes.lock().unwrap_or_else(|e| e.into_inner()).sessions.remove(&id);
        }
    }

    /// Bytes of row values the data file was given since it was opened (for the benchmark).
    pub fn bytes_written(&self) -> u64 {
        self.shared
            .db
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .bytes_written()
    }
}

/// The store and the data file, held for one change: decide on [`Writer::store`], then
/// [`Writer::keep`].
pub struct Writer<'a> {
    store: RwLockWriteGuard<'a, PartnerStore>,
    db: MutexGuard<'a, Db>,
    events: &'a EventHub,
}

impl Writer<'_> {
    /// Keeps what the passing of time decided: each purchase past its expiry ended, and
    /// renewed if its auto-renew is on. A file that refuses it leaves it for the next
    /// request (memory changes only with the file).
    fn keep_expiries(&mut self) {
        while let Ok(Some(change)) = self.store.decide_next_expiry(&SecondsClock) {
            if let Err(error) = self.keep(change, None) {
                eprintln!("mock-api: a purchase's expiry could not be kept: {error:?}");
                return;
            }
        }
    }

    /// Applies a kept change to memory and tells the event stream.
    fn apply(&mut self, change: Change) {
        let event = ChangeEvent::of(&change);
        self.store.apply(change);
        self.events.publish(event);
    }

    /// The store as it is, to decide a change on.
    pub fn store(&self) -> &PartnerStore {
        &self.store
    }

    /// The reply given to an earlier POST with this key (see `routes::request_key`), when
    /// the request is such a retry (never without a key).
    pub fn earlier_reply(
        &self,
        request_key: Option<&str>,
    ) -> Result<Option<StoredReply>, ApiError> {
        let Some(request_key) = request_key else {
            return Ok(None);
        };
        Ok(self.db.reply(request_key)?)
    }

    /// Keeps a decided change in the data file (with the reply to remember for its request,
    /// if any), then applies it to memory. If the file refuses it, memory is untouched and
    /// the caller gets an error: nothing unsaved is ever acknowledged.
    pub fn keep(&mut self, change: Change, reply: Option<StoredReply>) -> Result<(), ApiError> {
        self.db.save(&change, reply.as_ref())?;
        self.apply(change);
        Ok(())
    }

    /// Like [`Writer::keep`], for an order checked out from a cart: the cart, now
    /// checked out, is kept in the same transaction.
    pub fn keep_checkout(
        &mut self,
        change: Change,
        customer: &CustomerId,
        cart: &Cart,
        reply: Option<StoredReply>,
    ) -> Result<(), ApiError> {
        self.db.save_with_cart(&change, Some((customer, cart)), reply.as_ref())?;
        self.apply(change);
        Ok(())
    }

    /// Keeps a new cart (carts live in the data file only: they change nothing the domain
    /// knows until they are checked out).
    pub fn keep_cart(&mut self, customer: &CustomerId, cart: &Cart, reply: Option<StoredReply>) -> Result<(), ApiError> {
        self.db.save_cart(customer, cart, reply.as_ref())?;
        Ok(())
    }

    /// The customer's cart with this id, if there is one.
    pub fn cart(&self, customer: &CustomerId, id: &Uuid) -> Result<Option<Cart>, ApiError> {
        Ok(self.db.cart(customer, id)?)
    }

    /// A fresh id for a cart.
    pub fn new_cart_id(&self) -> Uuid {
        fresh_id()
    }
}

/// A new id the server chooses (a cart's, a quote's session): from the time, a counter and
/// the process, so two made in the same nanosecond differ.
pub fn fresh_id() -> Uuid {
    let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos() as u64;
    let counter = CART_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    domain::rng::DemoRng::new(nanos ^ counter.rotate_left(48) ^ u64::from(std::process::id()).rotate_left(24)).uuid()
}

#[cfg(test)]
mod tests {
    use domain::Permission;
    use test_support::{admin, DataFile};

    use super::*;

    #[test]
    fn a_change_the_file_refuses_is_an_error_and_memory_is_unchanged() {
        let data = DataFile::new("unit-refused");
        let (state, _) = AppState::open(data.path(), 0).expect("opens");
        let before = state.read().snapshot();
        let admin = admin().id();
        let fabrikam = state
            .read()
            .customers_page(&admin, "Fabrikam Inc", 0, 1)
            .expect("reads")
            .items[0]
            .id;
        state.write().db.refuse_writes().expect("query_only");

        let mut writer = state.write();
        let change = writer
            .store()
            .decide_switch(
                &admin,
                &fabrikam,
                Permission::AzureSavingsPlan,
                true,
                &SecondsClock,
            )
            .expect("the rules allow it")
            .expect("a change");
        let result = writer.keep(change, None);
        drop(writer);

        assert!(matches!(result, Err(ApiError::Storage(_))), "{result:?}");
        assert_eq!(
            state.read().snapshot(),
            before,
            "nothing unsaved is in memory"
        );
        drop(state);
        let (reopened, _) = AppState::open(data.path(), 0).expect("reopens");
        assert_eq!(reopened.read().snapshot(), before);
    }
}
