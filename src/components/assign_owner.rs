//! In the readiness panel: give one of the customer's users the Owner role on one of its
//! Azure subscriptions, in place, so the customer can buy. Admin agents only (they act in
//! the customer's Azure subscriptions with admin-on-behalf-of rights); the others see why
//! not. The backends decide; this only asks.

use domain::{AzureRole, AzureSubscriptionRef};
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::components::status_text::{backend_error, EmptyText, Loading};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_actions::{use_customer_actions, RoleRequest};

#[component]
pub fn AssignOwner(
    /// The customer's active Azure subscriptions (at least one).
    subscriptions: Vec<AzureSubscriptionRef>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let actions = use_customer_actions();
    let may_assign = Memo::new(move |_| app.user().is_some_and(|u| u.role.may_change_customer_permissions()));
    let users = actions.read_active_users(app);
    let subscriptions = StoredValue::new(subscriptions);
    // The user picked; until one is, the first active user (as the select shows).
    let chosen_user = RwSignal::new(String::new());
    let first_user = StoredValue::new(String::new());
    let user_value = move || {
        let chosen = chosen_user.get();
        if chosen.is_empty() { first_user.get_value() } else { chosen }
    };
    let chosen_subscription = RwSignal::new(subscriptions.with_value(|s| s.first().map(|s| s.azure_subscription_id.to_string())).unwrap_or_default());
    let assigning = actions.assign_role.pending();

    let assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Some(Ok(users))) = untrack(|| users.get()) else { return };
        let wanted = untrack(user_value);
        let Some(user) = users.into_iter().find(|u| u.id.to_string() == wanted) else {
            return;
        };
        let Some(subscription) = subscriptions.with_value(|list| {
            list.iter().find(|s| s.azure_subscription_id.to_string() == chosen_subscription.get_untracked()).cloned()
        }) else {
            return;
        };
        actions.assign_role.dispatch_local(RoleRequest {
            azure: subscription.azure_subscription_id,
            subscription_name: subscription.friendly_name,
            user: user.id,
            user_name: user.display_name,
            role: AzureRole::Owner,
        });
    };

    view! {
        {move || if may_assign.get() {
            view! {
                <Transition fallback=Loading>
                    {move || users.get().map(|read| match read {
                        None => view! { <Loading/> }.into_any(),
                        Some(Err(error)) => backend_error(&error),
                        Some(Ok(active)) => {
                            if active.is_empty() {
                                return view! { <EmptyText text=m.no_active_users/> }.into_any();
                            }
                            first_user.set_value(active.first().map(|u| u.id.to_string()).unwrap_or_default());
                            let several = subscriptions.with_value(|s| s.len() > 1);
                            view! {
                                <form class="inline-form" on:submit=assign data-testid="assign-owner">
                                    <div class="field">
                                        <label for="owner-user">{m.owner_user_label}</label>
                                        <select id="owner-user" prop:value=user_value
                                            on:change=move |ev| chosen_user.set(event_target_value(&ev))>
                                            {active.into_iter().map(|u| {
                                                let value = u.id.to_string();
                                                let selected = { let value = value.clone(); move || user_value() == value };
                                                view! { <option value=value selected=selected>{format!("{} ({})", u.display_name, u.user_principal_name)}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    {several.then(|| view! {
                                        <div class="field">
                                            <label for="owner-subscription">{m.owner_subscription_label}</label>
                                            <select id="owner-subscription" prop:value=move || chosen_subscription.get()
                                                on:change=move |ev| chosen_subscription.set(event_target_value(&ev))>
                                                {subscriptions.get_value().into_iter().map(|s| {
                                                    let value = s.azure_subscription_id.to_string();
                                                    let selected = { let value = value.clone(); move || chosen_subscription.get() == value };
                                                    view! {
                                                        <option value=value selected=selected>
                                                            {format!("{} ({})", s.friendly_name, s.azure_subscription_id)}
                                                        </option>
                                                    }
                                                }).collect_view()}
                                            </select>
                                        </div>
                                    })}
                                    <button type="submit" class="button button-primary" id="assign-owner"
                                        disabled=move || assigning.get()>{m.assign_owner}</button>
                                    {move || assigning.get().then(|| view! { <span class="saving">{m.saving}</span> })}
                                </form>
                            }.into_any()
                        }
                    })}
                </Transition>
            }.into_any()
        } else {
            let role = app.user().map(|u| m.role(u.role)).unwrap_or_default();
            view! { <p class="read-only-reason">{fill(m.only_admin_roles, &[("role", role)])}</p> }.into_any()
        }}
    }
}
