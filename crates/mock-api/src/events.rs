//! Every kept change, told to whoever listens (`GET /v1/events`): each change the server keeps
//! is published here once it is in the file and in memory, with its place in the stream. The
//! last [`KEPT`] are kept, so a client that reconnects with `Last-Event-ID` gets what it
//! missed; a gap the server cannot fill (it restarted: the id is of another start; or the
//! gap is older than what is kept) is told as one [`ChangeEvent::EVERYTHING`].

use std::collections::VecDeque;
use std::sync::Mutex;

use api_types::change_event::ChangeEvent;
use tokio::sync::broadcast;

/// How many events are kept for reconnecting clients.
pub const KEPT: usize = 4096;

/// An event and its id in the stream (`{start}.{n}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub id: String,
    pub event: ChangeEvent,
}

pub struct EventHub {
    /// This start of the server (unix milliseconds): ids of another start are not ours.
    start: u128,
    kept: Mutex<Kept>,
    sender: broadcast::Sender<Published>,
}

#[derive(Default)]
struct Kept {
    next: u64,
    events: VecDeque<(u64, Published)>,
}

impl Default for EventHub {
    fn default() -> Self {
        let start = time::OffsetDateTime::now_utc().unix_timestamp_nanos() as u128 / 1_000_000;
        let (sender, _) = broadcast::channel(KEPT);
        Self { start, kept: Mutex::new(Kept { next: 1, events: VecDeque::new() }), sender }
    }
}

impl EventHub {
    /// Tells every listener about a kept change.
    pub fn publish(&self, event: ChangeEvent) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let n = kept.next;
        kept.next += 1;
        let published = Published { id: format!("{}.{n}", self.start), event };
        if kept.events.len() == KEPT {
            kept.events.pop_front();
        }
        kept.events.push_back((n, published.clone()));
        // No listener is not an error.
        let _ = self.sender.send(published);
    }

    /// A new listener: what it missed after `last_event_id` (if it says), and what comes next.
    pub fn subscribe(&self, last_event_id: Option<&str>) -> (Vec<Published>, broadcast::Receiver<Published>) {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        // Subscribed under the lock: nothing published between the missed and the next.
        let receiver = self.sender.subscribe();
        let Some(last) = last_event_id else {
            return (Vec::new(), receiver);
        };
        let everything = || vec![Published { id: format!("{}.{}", self.start, kept.next - 1), event: ChangeEvent::EVERYTHING }];
        let seen = last
            .split_once('.')
            .filter(|(start, _)| start.parse::<u128>().ok() == Some(self.start))
            .and_then(|(_, n)| n.parse::<u64>().ok());
        let missed = match seen {
            Some(n) if n + 1 >= kept.next => Vec::new(),
            Some(n) if kept.events.front().is_some_and(|(first, _)| *first <= n + 1) => {
                kept.events.iter().filter(|(m, _)| *m > n).map(|(_, p)| p.clone()).collect()
            }
            _ => everything(),
        };
        (missed, receiver)
    }
}
