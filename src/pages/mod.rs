//! One file per page; `customer_layout.rs` is the frame of a customer's pages (its tabs),
//! `customer_actions.rs` the changes made on them; `portal/` is a customer user's own view.

pub mod account_page;
pub mod activity_log_page;
pub mod customer_actions;
pub mod customer_layout;
pub mod customers_page;
pub mod developer;
pub mod manage_azure_subscription_page;
pub mod not_found_page;
pub mod notifications_panel;
pub mod orders_page;
pub mod other_side_page;
pub mod placed_by_filter;
pub mod portal;
pub mod purchases;
pub mod subscriptions_page;

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use api_types::change_event::{ChangeEvent, ChangeKind};
use domain::Caller;
use leptos::prelude::*;

use crate::app_state::{use_app, AppState, NoticeKind, NoticeText};
use crate::backend::{Backend, BackendError, Core};

/// What every read gives, whatever it reads: `None` until someone is signed in.
type AnyRead = Option<Result<Rc<dyn Any>, BackendError>>;
type AnyFetch = Pin<Box<dyn Future<Output = Result<Rc<dyn Any>, BackendError>>>>;

/// A page's read of data of type `T`, made as the signed-in user. Every read is one
/// `LocalResource` type underneath (the data is kept as `Rc<dyn Any>`), so the Wasm holds
/// the resource machinery once instead of once per kind of data (7 kinds: some 18 KB of
/// the unoptimised Wasm).
pub struct UserRead<T> {
    resource: LocalResource<AnyRead>,
    data: PhantomData<fn() -> T>,
}

impl<T> Clone for UserRead<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for UserRead<T> {}

impl<T: Clone + 'static> UserRead<T> {
    /// `None` while the first read is under way (the `<Transition>` around it shows its
    /// fallback); then `Some(None)` while nobody is signed in yet, or what was read.
    pub fn get(&self) -> Option<Option<Result<T, BackendError>>> {
        self.resource.get().map(|read| {
            read.and_then(|result| result.map(|data| data.downcast_ref::<T>().cloned()).transpose())
        })
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> UserRead<T> {
    /// What was read, as a value that changes only when the data does: a read follows every
    /// change kept, and a form built on what it read (a purchase form with its confirmation)
    /// must not be built anew when a read brings the same data again. `None` until the first
    /// read is in.
    pub fn settled(self) -> Memo<Option<Result<T, BackendError>>> {
        Memo::new(move |before: Option<&Option<Result<T, BackendError>>>| match self.get() {
            Some(read) => read,
            // A read under way (after a change) keeps what was read before, so the form on
            // it stays as it is until the new read is in.
            None => before.cloned().flatten(),
        })
    }
}

/// A read made as the signed-in user. It reads again when the user changes, after every
/// change the backend keeps (`AppState::revision`: whatever was changed, from whichever
/// page), and when `also` changes (what the read asks for, or a failed change's read again).
pub fn read_as_user<T, Fut>(
    app: AppState,
    also: impl Fn() + 'static,
    read: impl Fn(Rc<dyn Backend>, Caller) -> Fut + 'static,
) -> UserRead<T>
where
    T: 'static,
    Fut: Future<Output = Result<T, BackendError>> + 'static,
{
    let fetch = move |caller| -> AnyFetch {
        match app.backend() {
            Ok(backend) => boxed(read(backend, caller)),
            Err(error) => Box::pin(async move { Err(error) }),
        }
    };
    UserRead { resource: any_read(app, Box::new(also), Box::new(fetch)), data: PhantomData }
}

/// [`read_as_user`] for the first page, which needs only the backend's [`Core`].
pub fn read_core_as_user<T, Fut>(
    app: AppState,
    also: impl Fn() + 'static,
    read: impl Fn(Rc<dyn Core>, Caller) -> Fut + 'static,
) -> UserRead<T>
where
    T: 'static,
    Fut: Future<Output = Result<T, BackendError>> + 'static,
{
    let fetch = move |caller| -> AnyFetch { boxed(read(app.core(), caller)) };
    UserRead { resource: any_read(app, Box::new(also), Box::new(fetch)), data: PhantomData }
}

fn boxed<T: 'static>(read: impl Future<Output = Result<T, BackendError>> + 'static) -> AnyFetch {
    Box::pin(async move { read.await.map(|data| Rc::new(data) as Rc<dyn Any>) })
}

/// The one `LocalResource` behind every [`UserRead`].
fn any_read(app: AppState, also: Box<dyn Fn()>, fetch: Box<dyn Fn(Caller) -> AnyFetch>) -> LocalResource<AnyRead> {
    // A change known to be about another customer than the pages' own, or about another kind
    // of thing than the page shows, is not followed.
    let scope = use_context::<ReadScope>();
    let kinds = use_context::<ReadKinds>();
    let followed = Memo::new(move |before: Option<&u64>| {
        let kept = app.revision.get();
        let about = app.revision_about.try_get_value().flatten();
        match (about, before) {
            (Some(change), Some(before)) if !concerns(scope, kinds, change) => *before,
            _ => kept,
        }
    });
    LocalResource::new(move || {
        let caller = app.current_user.get();
        followed.track();
        also();
        let fetch = caller.map(|caller| fetch(caller));
        async move {
            match fetch {
                Some(fetch) => Some(fetch.await),
                None => None,
            }
        }
    })
}

/// Whether a page's reads (of `scope`'s customer, showing `kinds`) must follow `change`.
fn concerns(scope: Option<ReadScope>, kinds: Option<ReadKinds>, change: ChangeEvent) -> bool {
    if change.kind == ChangeKind::Everything {
        return true;
    }
    let customer = match (scope, change.customer_id) {
        (Some(ReadScope(mine)), Some(about)) => mine == about,
        _ => true,
    };
    customer && kinds.is_none_or(|ReadKinds(shown)| shown.contains(&change.kind))
}

/// The customer whose pages these are: their reads follow the changes about that customer
/// (or about anything), not those known to be about another (`CustomerLayout` provides it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadScope(pub domain::CustomerId);

/// The kinds of things a page shows: its reads follow changes of those kinds (or of a kind
/// not known), not the others'. A page provides it before its reads; without it, a read
/// follows every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadKinds(pub &'static [ChangeKind]);

impl ReadKinds {
    /// Reservations and savings plans.
    pub const PURCHASES: Self = Self(&[ChangeKind::Purchase]);
    /// Customers' requests and what deciding them did.
    pub const REQUESTS: Self = Self(&[ChangeKind::Request, ChangeKind::Purchase]);
    /// Customers' purchases and requests, and what the user has read of them (the bell).
    pub const NOTIFICATIONS: Self = Self(&[ChangeKind::Purchase, ChangeKind::Request, ChangeKind::Notifications]);
    /// The customer list (its names and granted permissions).
    pub const CUSTOMERS: Self = Self(&[ChangeKind::Customer, ChangeKind::Permissions]);
    /// A customer's Account page: its permissions, what a purchase needs (its Azure plan, an
    /// Owner) and its users with their roles.
    pub const ACCOUNT: Self = Self(&[ChangeKind::Permissions, ChangeKind::AzurePlan, ChangeKind::RoleAssignment]);
    /// A customer's subscriptions (its Azure plan's among them).
    pub const SUBSCRIPTIONS: Self = Self(&[ChangeKind::AzurePlan]);
    /// An Azure subscription's access control.
    pub const ACCESS_CONTROL: Self = Self(&[ChangeKind::AzurePlan, ChangeKind::RoleAssignment]);
    /// A customer's orders: the partner's (an Azure plan) and the purchases.
    pub const ORDERS: Self = Self(&[ChangeKind::AzurePlan, ChangeKind::Purchase]);
    /// Everything the Activity log records (all but what a user has read).
    pub const ACTIVITY: Self = Self(&[
        ChangeKind::Permissions,
        ChangeKind::Customer,
        ChangeKind::AzurePlan,
        ChangeKind::RoleAssignment,
        ChangeKind::Purchase,
        ChangeKind::Request,
    ]);
}

/// The outcome of a change in the message bar: `success` when it went through, the failure
/// in words otherwise.
pub fn tell<T>(app: AppState, result: &Result<T, BackendError>, success: impl FnOnce() -> NoticeText) {
    match result {
        Ok(_) => app.notify(NoticeKind::Success, success()),
        Err(error) => app.report(error.clone()),
    }
}

/// The one change a dialog makes: `change` run as the signed-in user with what the dialog
/// gathered, its outcome told (`success`, worded from the same input), and the dialog closed
/// (`on_close`) once it went through.
pub fn dialog_change<I, T, Fut>(
    on_close: Callback<()>,
    change: impl Fn(Rc<dyn Backend>, Caller, I) -> Fut + 'static,
    success: impl Fn(&I) -> NoticeText + 'static,
) -> Action<I, Result<T, BackendError>>
where
    I: Clone + 'static,
    T: 'static,
    Fut: Future<Output = Result<T, BackendError>> + 'static,
{
    let app = use_app();
    let change = Rc::new(change);
    let success = Rc::new(success);
    Action::new_local(move |input: &I| {
        let (backend, caller, input) = (app.backend(), app.caller(), input.clone());
        let (change, success) = (change.clone(), success.clone());
        async move {
            let (backend, caller) = (backend?, caller?);
            let result = change(backend, caller, input.clone()).await;
            tell(app, &result, || success(&input));
            if result.is_ok() {
                on_close.run(());
            }
            result
        }
    })
}
