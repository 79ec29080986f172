//! What every page shares, provided as context: the backend, who is signed in, the
//! language, messages for the user, and the one change that touches every page (starting
//! the demo again).

use std::rc::Rc;

use api_types::change_event::ChangeEvent;
use domain::{Caller, CompanyUsers, Customer, CustomerUpn, CustomerUser, PartnerUser, PartnerUserId};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::backend::{Backend, BackendError, Core, LoadOutcome, Operations};
use crate::i18n::{fill, Catalogue, Lang, Messages};

const USER_KEY: &str = "customer-permissions/user";
const LANG_KEY: &str = "customer-permissions/lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Error,
}

/// What a notice says, kept as a value so it is worded in the language shown, also after
/// the language changes. The first page's own are variants here; a change made on a page in
/// a chunk is worded by that page, from its area's catalogue ([`NoticeText::worded`]).
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeText {
    DemoReset { customers: usize },
    /// The server is busy: the app asks again in this many seconds.
    ServerBusy { seconds: u32 },
    Loaded(LoadOutcome),
    Failed(BackendError),
    Worded(Worded),
}

impl NoticeText {
    /// A notice worded by `words` in whichever language is shown (an area's catalogue read
    /// with `Catalogue::of(lang)`, its values filled in).
    pub fn worded(words: impl Fn(Lang) -> String + Send + Sync + 'static) -> Self {
        Self::Worded(Worded(std::sync::Arc::new(words)))
    }

    pub fn words(&self, lang: Lang) -> String {
        let m = lang.messages();
        match self {
            Self::DemoReset { customers } => m.plural(m.demo_data_reset, *customers),
            Self::ServerBusy { seconds } => fill(m.server_busy_waiting, &[("seconds", &seconds.to_string())]),
            Self::Loaded(LoadOutcome::Fresh) => m.notice_fresh_data.to_string(),
            Self::Loaded(LoadOutcome::Unreadable) => m.notice_unreadable_data.to_string(),
            Self::Loaded(LoadOutcome::OldVersion) => m.notice_old_data.to_string(),
            Self::Loaded(LoadOutcome::Restored) => String::new(),
            Self::Failed(error) => m.error(error),
            Self::Worded(Worded(words)) => words(lang),
        }
    }
}

/// A notice's words in a given language ([`NoticeText::worded`]); two are the same notice only
/// if they are one value.
#[derive(Clone)]
pub struct Worded(std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>);

impl PartialEq for Worded {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Worded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Worded(..)")
    }
}

/// A message in the bar at the top of the content area.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: NoticeText,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// What the first page needs.
    core: StoredValue<Rc<dyn Core>, LocalStorage>,
    /// Where the whole backend comes from, and the whole backend once it is there.
    operations: StoredValue<Operations, LocalStorage>,
    backend: StoredValue<Option<Rc<dyn Backend>>, LocalStorage>,
    base: StoredValue<String>,
    /// The partner's staff (demo identities), once read.
    pub users: RwSignal<Vec<PartnerUser>>,
    /// The customer users who can sign in, by company, once read.
    pub companies: RwSignal<Vec<CompanyUsers>>,
    /// Who is signed in (`None` until the users are read): a partner user (Partner Center)
    /// or a customer user (their company's Azure portal); kept across reloads.
    pub current_user: RwSignal<Option<Caller>>,
    /// The language shown; kept across reloads.
    pub lang: RwSignal<Lang>,
    pub notices: RwSignal<Vec<Notice>>,
    next_notice: StoredValue<u64>,
    /// How many changes the backend has kept: every read follows it (only when the change
    /// may be about what the read shows: `revision_about`, `pages::ReadScope`).
    pub revision: RwSignal<u64>,
    /// What the newest change was (customer, kind), when the backend was told (`None`: it
    /// may be anything).
    pub revision_about: StoredValue<Option<ChangeEvent>>,
    /// Whether the whole backend is there ([`AppState::backend`]): what the top bar's count
    /// of requests waits for, so that the first page does not load it.
    pub backend_ready: RwSignal<bool>,
    /// Starting the demo again with this many customers: it touches every page, so every
    /// page's data reads again when it is done.
    pub reset_demo: Action<usize, Result<(), BackendError>>,
}

impl AppState {
    pub fn new(core: Rc<dyn Core>, operations: Operations, base: String) -> Self {
        let loaded = matches!(operations, Operations::Loaded(_));
        let reset_backend = core.clone();
        let revision = RwSignal::new(core.revision().get());
        let revision_about = StoredValue::new(None);
        core.revision().listen(move |kept, about| {
            revision_about.try_set_value(about);
            revision.try_set(kept);
        });
        let notices = RwSignal::new(Vec::new());
        let next_notice = StoredValue::new(1);
        // While the app waits to ask a busy server again, the message bar says so.
        core.on_server_wait(Box::new(move |seconds| {
            notices.try_update(|all: &mut Vec<Notice>| all.retain(|n| !matches!(n.text, NoticeText::ServerBusy { .. })));
            if let Some(seconds) = seconds {
                push_notice(notices, next_notice, NoticeKind::Info, NoticeText::ServerBusy { seconds });
            }
        }));
        let current_user = RwSignal::new(None::<Caller>);
        let state = Self {
            core: StoredValue::new_local(core),
            backend: StoredValue::new_local(match &operations {
                Operations::Loaded(backend) => Some(backend.clone()),
                Operations::OnFirstUse(_) => None,
            }),
            operations: StoredValue::new_local(operations),
            base: StoredValue::new(base),
            users: RwSignal::new(Vec::new()),
            companies: RwSignal::new(Vec::new()),
            current_user,
            lang: RwSignal::new(initial_language()),
            notices,
            next_notice,
            revision,
            revision_about,
            backend_ready: RwSignal::new(loaded),
            reset_demo: Action::new_local(move |customers: &usize| {
                let backend = reset_backend.clone();
                let customers = *customers;
                let extra = customers.saturating_sub(domain::demo_data::HAND_MADE_COUNT) as u32;
                let caller = current_user.get_untracked();
                async move {
                    let result = match caller {
                        Some(caller) => backend.reset_demo_data(&caller, extra).await,
                        None => Err(BackendError::NotSignedIn),
                    };
                    let (kind, text) = match &result {
                        Ok(()) => (NoticeKind::Success, NoticeText::DemoReset { customers }),
                        Err(error) => (NoticeKind::Error, NoticeText::Failed(error.clone())),
                    };
                    push_notice(notices, next_notice, kind, text);
                    result
                }
            }),
        };
        state.load_users();
        // The page's language is the document's too, kept across reloads.
        // Keep the signed-in user across reloads, and follow what they may see change elsewhere.
        Effect::new(move |_| {
            let Some(user) = state.current_user.get() else { return };
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(USER_KEY, &caller_key(&user));
            }
            state.core().follow_changes(&user);
        });
        Effect::new(move |_| {
            let lang = state.lang.get();
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(LANG_KEY, lang.code());
            }
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
        state
    }

    fn load_users(self) {
        let backend = self.core();
        leptos::task::spawn_local(async move {
            match backend.sign_in_list().await {
                Ok(list) => {
                    let saved = local_storage().and_then(|s| s.get_item(USER_KEY).ok().flatten()).map(|text| caller_from_key(&text));
                    let known = saved.filter(|caller| match caller {
                        Caller::Partner(id) => list.partner_users.iter().any(|u| &u.id == id),
                        Caller::Customer(upn) => find_customer_user(&list.companies, upn).is_some(),
                    });
                    // Nobody (or somebody unknown) signed in: start as the first Admin agent.
                    let chosen = known.or_else(|| {
                        list.partner_users
                            .iter()
                            .find(|u| u.role.may_change_customer_permissions())
                            .map(|u| Caller::Partner(u.id.clone()))
                    });
                    self.users.try_set(list.partner_users);
                    self.companies.try_set(list.companies);
                    self.current_user.try_set(chosen);
                }
                Err(error) => self.report(error),
            }
        });
    }

    /// What the first page needs (also: which backend this is).
    pub fn core(&self) -> Rc<dyn Core> {
        self.core.get_value()
    }

    /// [`AppState::core`], unless the app is gone (for a cleanup that may run after it).
    pub fn try_core(&self) -> Option<Rc<dyn Core>> {
        self.core.try_get_value()
    }

    /// Makes the whole backend available to [`AppState::backend`]: the embedded store's
    /// operations load with the first page that needs them ([`crate::chunks::LazyView`]).
    pub async fn load_backend(self) -> Result<(), BackendError> {
        if self.backend.try_with_value(Option::is_some).unwrap_or(false) {
            return Ok(());
        }
        let operations = self.operations.try_get_value().ok_or(BackendError::ChunkUnavailable)?;
        let backend = operations.load().await?;
        self.backend.try_set_value(Some(backend));
        self.backend_ready.try_set(true);
        Ok(())
    }

    /// The whole backend, for every page but the first and every change. Pages reached
    /// through a [`crate::chunks::LazyView`] have it: it is loaded before they render.
    pub fn backend(&self) -> Result<Rc<dyn Backend>, BackendError> {
        self.backend.try_get_value().flatten().ok_or(BackendError::ChunkUnavailable)
    }

    /// The texts of the language shown. Pages read them when they render; a change of
    /// language renders the page again (see `App`).
    pub fn t(&self) -> &'static Messages {
        self.lang.get_untracked().messages()
    }

    /// An area's texts ([`crate::i18n::CustomerTexts`], ...) in the language shown, with
    /// every shared text through `Deref`; read like [`AppState::t`].
    pub fn texts<A: Catalogue>(&self) -> &'static A {
        A::of(self.lang.get_untracked())
    }

    /// The router's base path ("" at the root).
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// A link to `route`, under the base path.
    pub fn href(&self, route: &AppRoute) -> String {
        format!("{}{}", self.base.get_value(), route.path())
    }

    /// The signed-in partner user, once the users are read; `None` for a customer user.
    pub fn user(&self) -> Option<PartnerUser> {
        let Some(Caller::Partner(id)) = self.current_user.get() else { return None };
        self.users.with(|users| users.iter().find(|u| u.id == id).cloned())
    }

    /// The signed-in customer user and their company, once the users are read; `None` for
    /// a partner user.
    pub fn customer_user(&self) -> Option<(CustomerUser, Customer)> {
        let Some(Caller::Customer(upn)) = self.current_user.get() else { return None };
        self.companies.with(|companies| find_customer_user(companies, &upn))
    }

    /// Who a change is made as, read when the change starts: the signed-in user, or
    /// [`BackendError::NotSignedIn`] before the users are read.
    pub fn caller(&self) -> Result<Caller, BackendError> {
        self.current_user.get_untracked().ok_or(BackendError::NotSignedIn)
    }

    /// The display name of a partner user or a customer user, if the users read know them.
    pub fn display_name(&self, who: &Caller) -> Option<String> {
        match who {
            Caller::Partner(id) => self.users.with(|users| users.iter().find(|u| &u.id == id).map(|u| u.display_name.clone())),
            Caller::Customer(upn) => self.companies.with(|companies| find_customer_user(companies, upn)).map(|(u, _)| u.display_name),
        }
    }

    /// Whether a customer user is signed in (their company's Azure portal is shown).
    pub fn is_customer_user(&self) -> bool {
        matches!(self.current_user.get(), Some(Caller::Customer(_)))
    }

    pub fn notify(&self, kind: NoticeKind, text: NoticeText) {
        push_notice(self.notices, self.next_notice, kind, text);
    }

    pub fn report(&self, error: BackendError) {
        self.notify(NoticeKind::Error, NoticeText::Failed(error));
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.try_update(|notices| notices.retain(|n| n.id != id));
    }

    /// Tells the user what happened to the saved demo data at start.
    pub fn announce_load(&self, outcome: LoadOutcome) {
        let kind = match outcome {
            LoadOutcome::Restored => return,
            LoadOutcome::Fresh => NoticeKind::Info,
            LoadOutcome::Unreadable | LoadOutcome::OldVersion => NoticeKind::Warning,
        };
        self.notify(kind, NoticeText::Loaded(outcome));
    }
}

fn push_notice(notices: RwSignal<Vec<Notice>>, next: StoredValue<u64>, kind: NoticeKind, text: NoticeText) {
    let Some(id) = next.try_get_value() else { return };
    next.set_value(id + 1);
    // Keep the bar short: the newest few messages.
    notices.try_update(|notices| {
        notices.push(Notice { id, kind, text });
        let excess = notices.len().saturating_sub(3);
        notices.drain(..excess);
    });
}

/// The language kept from an earlier visit, or the browser's.
pub fn initial_language() -> Lang {
    let kept = local_storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()).and_then(|code| Lang::from_code(&code));
    kept.unwrap_or_else(|| {
        let asked = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        Lang::for_browser(&asked)
    })
}

/// The shared state; every component is rendered inside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Sets the document's title to `page`'s title, in the language shown.
/// On a customer user's pages (their Azure portal) the product named is Microsoft Azure.
pub fn set_title(app: AppState, page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let m = app.t();
        let title = if untrack(|| app.is_customer_user()) { fill(m.azure_document_title, &[("page", page)]) } else { m.title(page) };
        document.set_title(&title);
    }
}

/// How a signed-in user is written as text, in localStorage and as the identity switcher's
/// option value: a partner user by their sign-in name (as the first releases kept it), a
/// customer user as `customer:` and theirs.
const CUSTOMER_PREFIX: &str = "customer:";

pub fn caller_key(caller: &Caller) -> String {
    match caller {
        Caller::Partner(id) => id.as_str().to_string(),
        Caller::Customer(upn) => format!("{CUSTOMER_PREFIX}{}", upn.as_str()),
    }
}

/// The signed-in user [`caller_key`] wrote.
pub fn caller_from_key(text: &str) -> Caller {
    match text.strip_prefix(CUSTOMER_PREFIX) {
        Some(upn) => Caller::Customer(CustomerUpn::new(upn)),
        None => Caller::Partner(PartnerUserId::new(text)),
    }
}

/// The customer user who signs in as `upn`, and their company.
fn find_customer_user(companies: &[CompanyUsers], upn: &CustomerUpn) -> Option<(CustomerUser, Customer)> {
    companies.iter().find_map(|c| {
        c.users
            .iter()
            .find(|u| u.user_principal_name.eq_ignore_ascii_case(upn.as_str()))
            .map(|u| (u.clone(), c.customer.clone()))
    })
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}
