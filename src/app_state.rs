//! What every page shares, provided as context: the backend, who is signed in,
//! messages for the user, and a counter that tells views the data changed.

use std::rc::Rc;

use domain::{PartnerUser, PartnerUserId};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::backend::{Backend, BackendError, LoadOutcome};
use crate::messages::t;

const USER_KEY: &str = "customer-permissions/user";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Error,
}

/// A message in the bar at the top of the content area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
    base: StoredValue<String>,
    /// The partner's staff (demo identities).
    pub users: RwSignal<Vec<PartnerUser>>,
    /// Who is signed in; kept across reloads.
    pub current_user: RwSignal<Option<PartnerUserId>>,
    pub notices: RwSignal<Vec<Notice>>,
    next_notice: StoredValue<u64>,
    /// Bumped after every change, so every view reads the data again.
    pub data_version: RwSignal<u64>,
}

impl AppState {
    pub fn new(backend: Rc<dyn Backend>, base: String) -> Self {
        let saved_user = local_storage().and_then(|s| s.get_item(USER_KEY).ok().flatten()).map(PartnerUserId::new);
        let state = Self {
            backend: StoredValue::new_local(backend),
            base: StoredValue::new(base),
            users: RwSignal::new(Vec::new()),
            current_user: RwSignal::new(saved_user),
            notices: RwSignal::new(Vec::new()),
            next_notice: StoredValue::new(1),
            data_version: RwSignal::new(0),
        };
        state.load_users();
        // Keep the signed-in user across reloads, and tell the backend who reads.
        Effect::new(move |_| {
            let Some(user) = state.current_user.get() else { return };
            state.backend().use_identity(&user);
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(USER_KEY, user.as_str());
            }
        });
        state
    }

    fn load_users(self) {
        let backend = self.backend();
        leptos::task::spawn_local(async move {
            match backend.partner_users().await {
                Ok(users) => {
                    let known = self
                        .current_user
                        .try_get_untracked()
                        .flatten()
                        .filter(|id| users.iter().any(|u| &u.id == id));
                    // Nobody (or somebody unknown) signed in: start as the first Admin agent.
                    let chosen = known.or_else(|| {
                        users.iter().find(|u| u.role.may_change_customer_permissions()).map(|u| u.id.clone())
                    });
                    if let Some(user) = &chosen {
                        self.backend().use_identity(user);
                    }
                    self.users.try_set(users);
                    self.current_user.try_set(chosen);
                    // Views that loaded before anyone was signed in read again.
                    self.data_changed();
                }
                Err(error) => self.report(&error),
            }
        });
    }

    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.get_value()
    }

    /// The router's base path ("" at the root).
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// A link to `route`, under the base path.
    pub fn href(&self, route: &AppRoute) -> String {
        format!("{}{}", self.base.get_value(), route.path())
    }

    /// The signed-in user, once the users are loaded.
    pub fn user(&self) -> Option<PartnerUser> {
        let id = self.current_user.get()?;
        self.users.with(|users| users.iter().find(|u| u.id == id).cloned())
    }

    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let notice = Notice { id, kind, text: text.into() };
        // Keep the bar short: the newest few messages.
        self.notices.try_update(|notices| {
            notices.push(notice);
            let excess = notices.len().saturating_sub(3);
            notices.drain(..excess);
        });
    }

    pub fn report(&self, error: &BackendError) {
        self.notify(NoticeKind::Error, t().error(error));
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.try_update(|notices| notices.retain(|n| n.id != id));
    }

    pub fn data_changed(&self) {
        self.data_version.try_update(|v| *v += 1);
    }

    /// Tells the user what happened to the saved demo data at start.
    pub fn announce_load(&self, outcome: LoadOutcome) {
        let m = t();
        match outcome {
            LoadOutcome::Restored => {}
            LoadOutcome::Fresh => self.notify(NoticeKind::Info, m.notice_fresh_data),
            LoadOutcome::Unreadable => self.notify(NoticeKind::Warning, m.notice_unreadable_data),
            LoadOutcome::OldVersion => self.notify(NoticeKind::Warning, m.notice_old_data),
        }
    }
}

/// The shared state; every component is rendered inside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}
