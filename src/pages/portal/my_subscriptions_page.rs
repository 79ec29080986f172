//! Azure portal › Subscriptions: the company's Azure subscriptions, and the roles the
//! signed-in user holds on each (buying needs Owner).

use domain::{AzureSubscriptionView, Customer, CustomerUser};
use leptos::prelude::*;

use crate::i18n::PortalTexts;

use super::PortalHeading;
use crate::app_state::{set_title, use_app};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::pages::read_as_user;

#[component]
pub fn MySubscriptionsPage(user: CustomerUser, company: Customer) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    set_title(app, m.nav_azure_subscriptions);
    let subscriptions = read_as_user(app, || (), |backend, caller| async move { backend.my_azure_subscriptions(&caller).await });
    let user = StoredValue::new(user);
    view! {
        <PortalHeading title=m.nav_azure_subscriptions company=company.company_name/>
        <p class="hint">{m.portal_subscriptions_intro}</p>
        <Transition fallback=Loading>
            {move || subscriptions.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(subscriptions)) => view! { <SubscriptionTable subscriptions=subscriptions user=user.get_value()/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn SubscriptionTable(subscriptions: Vec<AzureSubscriptionView>, user: CustomerUser) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    if subscriptions.is_empty() {
        return view! { <EmptyText text=m.no_azure_subscriptions/> }.into_any();
    }
    let rows = subscriptions
        .into_iter()
        .map(|s| {
            let roles: Vec<String> = s
                .assignments
                .iter()
                .filter(|(_, holder)| holder.id == user.id)
                .map(|(assignment, _)| m.azure_role(assignment.role).to_string())
                .collect();
            let roles = if roles.is_empty() { m.no_role_for_me.to_string() } else { m.list(&roles) };
            view! {
                <tr>
                    <td>{s.name}</td>
                    <td class="mono">{s.azure_subscription_id.to_string()}</td>
                    <td>{m.offer_name(s.offer)}</td>
                    <td>{m.subscription_status(s.status)}</td>
                    <td>{roles}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.nav_azure_subscriptions>
            <table class="table" data-testid="my-subscriptions-table">
                <TableHead columns=vec![m.col_subscription_name, m.col_subscription_id, m.col_offer, m.col_status, m.col_my_roles]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
