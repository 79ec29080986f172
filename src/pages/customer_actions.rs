//! The changes made on a customer's pages that other parts of those pages show: buying the
//! Azure plan, giving and removing Azure roles. One `Action` each, created once by the
//! customer's layout and shared as context; every read they touch (subscriptions,
//! readiness, users, orders, an Azure subscription's role assignments) reads again when one
//! of them completes (`track`).

use domain::{AzureRole, AzureSubscriptionId, Customer, CustomerId, CustomerUser, CustomerUserId, Order, RoleAssignmentId, UserState};
use leptos::prelude::*;

use crate::app_state::{AppState, NoticeText};
use crate::backend::BackendError;
use crate::i18n::{fill, Catalogue, CustomerTexts};
use crate::pages::{read_as_user, tell, UserRead};

/// A role to give: to whom, which, where (with the names the notice says).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRequest {
    pub azure: AzureSubscriptionId,
    pub subscription_name: String,
    pub user: CustomerUserId,
    pub user_name: String,
    pub role: AzureRole,
}

/// A role assignment to remove (with the names the notice says).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRemoval {
    pub azure: AzureSubscriptionId,
    pub subscription_name: String,
    pub assignment: RoleAssignmentId,
    pub user_name: String,
    pub role: AzureRole,
}

#[derive(Clone, Copy)]
pub struct CustomerActions {
    pub customer_id: CustomerId,
    pub order_azure_plan: Action<(), Result<Order, BackendError>>,
    pub assign_role: Action<RoleRequest, Result<(), BackendError>>,
    pub remove_role: Action<RoleRemoval, Result<(), BackendError>>,
}

impl CustomerActions {
    pub fn new(app: AppState, customer: &Customer) -> Self {
        let id = customer.id;
        // The name goes into each notice as it is (not through the owner of these actions,
        // which may be gone when a change completes).
        let company = customer.company_name.clone();
        // Runs `change` as the signed-in user; its outcome is told in the message bar.
        let order_azure_plan = Action::new_local(move |_: &()| {
            let (backend, caller, customer) = (app.backend(), app.caller(), company.clone());
            async move {
                let (backend, caller) = (backend?, caller?);
                let result = backend.order_azure_plan(&caller, id).await;
                tell(app, &result, || {
                    NoticeText::worded(move |lang| fill(CustomerTexts::of(lang).azure_plan_ordered, &[("customer", &customer)]))
                });
                result
            }
        });
        let assign_role = Action::new_local(move |request: &RoleRequest| {
            let (backend, caller, request) = (app.backend(), app.caller(), request.clone());
            async move {
                let (backend, caller) = (backend?, caller?);
                let result = backend.assign_role(&caller, request.azure, request.user, request.role).await;
                tell(app, &result, || role_notice(|m| m.role_assigned, request.role, request.user_name.clone(), request.subscription_name.clone()));
                result
            }
        });
        let remove_role = Action::new_local(move |removal: &RoleRemoval| {
            let (backend, caller, removal) = (app.backend(), app.caller(), removal.clone());
            async move {
                let (backend, caller) = (backend?, caller?);
                let result = backend.remove_role(&caller, removal.azure, removal.assignment).await;
                tell(app, &result, || role_notice(|m| m.role_removed, removal.role, removal.user_name.clone(), removal.subscription_name.clone()));
                result
            }
        });
        Self { customer_id: id, order_azure_plan, assign_role, remove_role }
    }

    /// The customer's active users (those a role can be given to), read as the signed-in
    /// user (and again after every change kept).
    pub fn read_active_users(self, app: AppState) -> UserRead<Vec<CustomerUser>> {
        let id = self.customer_id;
        read_as_user(app, || (), move |backend, caller| async move {
            let users = backend.customer_users(&caller, id).await?;
            Ok(users.into_iter().map(|u| u.user).filter(|u| u.state == UserState::Active).collect())
        })
    }

    /// Whether a change is under way.
    pub fn pending(&self) -> bool {
        self.order_azure_plan.pending().get() || self.assign_role.pending().get() || self.remove_role.pending().get()
    }
}

/// The actions of the customer whose pages are shown (provided by the customer's layout).
pub fn use_customer_actions() -> CustomerActions {
    expect_context::<CustomerActions>()
}

/// The notice of a role given or removed: `text` of the customer pages' catalogue, with the
/// role, the user and the subscription.
fn role_notice(text: fn(&CustomerTexts) -> &'static str, role: AzureRole, user: String, subscription: String) -> NoticeText {
    NoticeText::worded(move |lang| {
        let m = CustomerTexts::of(lang);
        fill(text(m), &[("role", m.azure_role(role)), ("user", &user), ("subscription", &subscription)])
    })
}
