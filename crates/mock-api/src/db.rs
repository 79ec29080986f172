//! The SQLite data file: the demo spec, every policy, every Activity record, the store's
//! counters, the customers created through the API, the orders, Azure roles and purchases
//! (as the domain's changes that made them), the partner's carts and the replies to POSTs
//! by `MS-RequestId`. WAL mode; each change ([`Db::save`]) is one transaction, so a killed
//! process leaves either all of a change or none of it. The tables are those of the first
//! release that had them, and new ones are only added: files written by any release load.

use std::path::Path;

use api_types::cart::Cart;
use domain::{
    ActivityRecord, Change, Customer, CustomerId, DemoSpec, Etag, PermissionSet, SelfServePolicy,
    StoreSnapshot,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use time::OffsetDateTime;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("stored data is invalid: {0}")]
    Invalid(String),
}

/// A reply kept for a POST, to give again when the same `MS-RequestId` comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReply {
    pub request_id: String,
    pub status: u16,
    pub body: String,
}

pub struct Db {
    conn: Connection,
    bytes_written: u64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS demo (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    extra_customers INTEGER NOT NULL,
    generated_at INTEGER NOT NULL, -- unix seconds
    seed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS policies (
    customer_id TEXT PRIMARY KEY,
    permissions TEXT NOT NULL, -- JSON array of resource names
    etag TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS activity (
    id INTEGER PRIMARY KEY,
    record TEXT NOT NULL -- JSON of domain::ActivityRecord
);
CREATE TABLE IF NOT EXISTS counters (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_etag INTEGER NOT NULL,
    next_record_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS customers (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    customer TEXT NOT NULL -- JSON of a domain::Customer created through the API
);
CREATE TABLE IF NOT EXISTS replies (
    request_id TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commerce (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change TEXT NOT NULL -- JSON of a domain::Change: an order, a role given or removed, a purchase
);
CREATE TABLE IF NOT EXISTS carts (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    cart TEXT NOT NULL -- JSON of an api_types::cart::Cart
);
";

impl Db {
    pub fn open(path: &Path) -> Result<Self, DbError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        // Files made before demo data had a seed: theirs is 0.
        let has_seed: bool = conn.query_row("SELECT COUNT(*) > 0 FROM pragma_table_info('demo') WHERE name = 'seed'", [], |row| row.get(0))?;
        if !has_seed {
            conn.execute_batch("ALTER TABLE demo ADD COLUMN seed INTEGER NOT NULL DEFAULT 0")?;
        }
        Ok(Self {
            conn,
            bytes_written: 0,
        })
    }

    /// What the file holds, or `None` for a file never filled.
    pub fn load(&self) -> Result<Option<StoreSnapshot>, DbError> {
        let demo = self
            .conn
            .query_row(
                "SELECT extra_customers, generated_at, seed FROM demo WHERE id = 1",
                [],
                |row| Ok((row.get::<_, u32>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?)),
            )
            .optional()?;
        let Some((extra_customers, generated_at, seed)) = demo else {
            return Ok(None);
        };
        let generated_at = OffsetDateTime::from_unix_timestamp(generated_at)
            .map_err(|e| DbError::Invalid(e.to_string()))?;

        let mut policies = Vec::new();
        let mut statement = self
            .conn
            .prepare("SELECT customer_id, permissions, etag FROM policies")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let customer_id: String = row.get(0)?;
            let customer_id =
                CustomerId::parse(&customer_id).map_err(|e| DbError::Invalid(e.to_string()))?;
            let permissions: PermissionSet = serde_json::from_str(&row.get::<_, String>(1)?)?;
            policies.push(SelfServePolicy {
                customer_id,
                permissions,
                etag: Etag::new(row.get::<_, String>(2)?),
            });
        }

        let mut activity = Vec::new();
        let mut statement = self
            .conn
            .prepare("SELECT record FROM activity ORDER BY id")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            activity.push(serde_json::from_str::<ActivityRecord>(
                &row.get::<_, String>(0)?,
            )?);
        }

        let mut added_customers = Vec::new();
        let mut statement = self
            .conn
            .prepare("SELECT customer FROM customers ORDER BY seq")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            added_customers.push(serde_json::from_str::<Customer>(&row.get::<_, String>(0)?)?);
        }

        let mut commerce = Vec::new();
        let mut statement = self
            .conn
            .prepare("SELECT change FROM commerce ORDER BY seq")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            commerce.push(serde_json::from_str::<Change>(&row.get::<_, String>(0)?)?);
        }

        let (next_etag, next_record_id) = self
            .conn
            .query_row(
                "SELECT next_etag, next_record_id FROM counters WHERE id = 1",
                [],
                |row| Ok((row.get::<_, u64>(0)?, row.get::<_, u64>(1)?)),
            )
            .optional()?
            .unwrap_or((1, 1));
        Ok(Some(StoreSnapshot {
            demo: DemoSpec::new(extra_customers, generated_at).with_seed(seed as u64),
            added_customers,
            policies,
            activity,
            next_etag,
            next_record_id,
            commerce,
        }))
    }

    /// Fills a new file with a whole store, in one transaction.
    pub fn init(&mut self, snapshot: &StoreSnapshot) -> Result<(), DbError> {
        self.replace(snapshot)
    }

    /// Replaces everything the file holds by a whole store, in one transaction (a reset, or
    /// a snapshot restored): nothing of before is left, not even the replies kept for retries.
    pub fn replace(&mut self, snapshot: &StoreSnapshot) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM demo; DELETE FROM policies; DELETE FROM activity; DELETE FROM counters;
             DELETE FROM customers; DELETE FROM replies; DELETE FROM commerce; DELETE FROM carts;",
        )?;
        tx.execute(
            "INSERT INTO demo (id, extra_customers, generated_at, seed) VALUES (1, ?1, ?2, ?3)",
            params![
                snapshot.demo.extra_customers,
                snapshot.demo.generated_at.unix_timestamp(),
                snapshot.demo.seed as i64
            ],
        )?;
        for policy in &snapshot.policies {
            put_policy(&tx, &policy.customer_id, Some(policy))?;
        }
        for record in &snapshot.activity {
            add_record(&tx, record)?;
        }
        for customer in &snapshot.added_customers {
            add_customer(&tx, customer)?;
        }
        for change in &snapshot.commerce {
            add_commerce(&tx, change)?;
        }
        put_counters(&tx, (snapshot.next_etag, snapshot.next_record_id))?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps one decided change, with the reply to remember for its request (if any), all
    /// or nothing: a permissions change writes the customer's policy row, its Activity
    /// record and the counters; a created customer its row; an order, a role change or a
    /// purchase its change row, its Activity record and the counters. Returns how many
    /// bytes of row values it wrote (what grows with the change, not with the data).
    pub fn save(&mut self, change: &Change, reply: Option<&StoredReply>) -> Result<usize, DbError> {
        self.save_with_cart(change, None, reply)
    }

    /// [`Db::save`], and the cart the change was checked out from, in the same transaction.
    pub fn save_with_cart(
        &mut self,
        change: &Change,
        cart: Option<(&CustomerId, &Cart)>,
        reply: Option<&StoredReply>,
    ) -> Result<usize, DbError> {
        let tx = self.conn.transaction()?;
        let mut written = match change {
            Change::Permissions(change) => {
                put_policy(&tx, &change.customer_id, change.policy.as_ref())?
                    + add_record(&tx, &change.record)?
                    + put_counters(&tx, (change.next_etag, change.record.id.saturating_add(1)))?
            }
            Change::CustomerCreated(customer) => add_customer(&tx, customer)?,
            commerce => {
                let mut written = add_commerce(&tx, commerce)?;
                if let Some(record) = commerce.record() {
                    written += add_record(&tx, record)? + put_counters(&tx, (0, record.id.saturating_add(1)))?;
                }
                written
            }
        };
        if let Some((customer, cart)) = cart {
            written += put_cart(&tx, customer, cart)?;
        }
        if let Some(reply) = reply {
            written += put_reply(&tx, reply)?;
        }
        tx.commit()?;
        self.bytes_written += written as u64;
        Ok(written)
    }

    /// Keeps a new cart, with the reply to remember for its request (if any).
    pub fn save_cart(&mut self, customer: &CustomerId, cart: &Cart, reply: Option<&StoredReply>) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        let mut written = put_cart(&tx, customer, cart)?;
        if let Some(reply) = reply {
            written += put_reply(&tx, reply)?;
        }
        tx.commit()?;
        self.bytes_written += written as u64;
        Ok(())
    }

    /// The customer's cart with this id, if there is one.
    pub fn cart(&self, customer: &CustomerId, id: &uuid::Uuid) -> Result<Option<Cart>, DbError> {
        let found = self
            .conn
            .query_row(
                "SELECT cart FROM carts WHERE id = ?1 AND customer_id = ?2",
                params![id.hyphenated().to_string(), customer.to_string()],
                |row| row.get::<_, String>(0),
            )
            .optional()?;
        Ok(found.map(|text| serde_json::from_str(&text)).transpose()?)
    }

    /// Bytes of row values written by [`Db::save`] since the file was opened.
    pub fn bytes_written(&self) -> u64 {
        self.bytes_written
    }

    /// From now on every write fails, as with a full or broken disk (tests only).
    #[cfg(test)]
    pub(crate) fn refuse_writes(&self) -> Result<(), DbError> {
        self.conn.pragma_update(None, "query_only", "ON")?;
        Ok(())
    }

    /// The reply given to an earlier POST with this `MS-RequestId`.
    pub fn reply(&self, request_id: &str) -> Result<Option<StoredReply>, DbError> {
        let found = self
            .conn
            .query_row(
                "SELECT status, body FROM replies WHERE request_id = ?1",
                params![request_id],
                |row| Ok((row.get::<_, u16>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        Ok(found.map(|(status, body)| StoredReply {
            request_id: request_id.to_string(),
            status,
            body,
        }))
    }
}

/// Each helper below returns the bytes of the values it wrote: text as its length, a number
/// as 8.
const NUMBER: usize = 8;

/// Writes the customer's policy row, or removes it (`None`: no permission left).
fn put_policy(
    tx: &Transaction,
    customer: &CustomerId,
    policy: Option<&SelfServePolicy>,
) -> Result<usize, DbError> {
    let customer = customer.to_string();
    match policy {
        Some(policy) => {
            let permissions = serde_json::to_string(&policy.permissions)?;
            tx.execute(
                "INSERT OR REPLACE INTO policies (customer_id, permissions, etag) VALUES (?1, ?2, ?3)",
                params![customer, permissions, policy.etag.as_str()],
            )?;
            Ok(customer.len() + permissions.len() + policy.etag.as_str().len())
        }
        None => {
            tx.execute(
                "DELETE FROM policies WHERE customer_id = ?1",
                params![customer],
            )?;
            Ok(customer.len())
        }
    }
}

fn add_customer(tx: &Transaction, customer: &Customer) -> Result<usize, DbError> {
    let json = serde_json::to_string(customer)?;
    tx.execute(
        "INSERT INTO customers (customer) VALUES (?1)",
        params![json],
    )?;
    Ok(json.len())
}

fn add_commerce(tx: &Transaction, change: &Change) -> Result<usize, DbError> {
    let json = serde_json::to_string(change)?;
    tx.execute("INSERT INTO commerce (change) VALUES (?1)", params![json])?;
    Ok(json.len())
}

/// Writes a cart as it is now (new, or checked out).
fn put_cart(tx: &Transaction, customer: &CustomerId, cart: &Cart) -> Result<usize, DbError> {
    let id = cart.id.hyphenated().to_string();
    let json = serde_json::to_string(cart)?;
    tx.execute(
        "INSERT OR REPLACE INTO carts (id, customer_id, cart) VALUES (?1, ?2, ?3)",
        params![id, customer.to_string(), json],
    )?;
    Ok(id.len() + 36 + json.len())
}

fn add_record(tx: &Transaction, record: &ActivityRecord) -> Result<usize, DbError> {
    let json = serde_json::to_string(record)?;
    tx.execute(
        "INSERT INTO activity (id, record) VALUES (?1, ?2)",
        params![record.id, json],
    )?;
    Ok(NUMBER + json.len())
}

/// Remembers the reply to a POST, for a retry with the same `MS-RequestId`.
fn put_reply(tx: &Transaction, reply: &StoredReply) -> Result<usize, DbError> {
    tx.execute(
        "INSERT OR REPLACE INTO replies (request_id, status, body) VALUES (?1, ?2, ?3)",
        params![reply.request_id, reply.status, reply.body],
    )?;
    Ok(reply.request_id.len() + NUMBER + reply.body.len())
}

/// The counters only ever grow.
fn put_counters(
    tx: &Transaction,
    (next_etag, next_record_id): (u64, u64),
) -> Result<usize, DbError> {
    tx.execute(
        "INSERT INTO counters (id, next_etag, next_record_id) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET next_etag = max(next_etag, excluded.next_etag),
                                        next_record_id = max(next_record_id, excluded.next_record_id)",
        params![next_etag, next_record_id],
    )?;
    Ok(2 * NUMBER)
}
