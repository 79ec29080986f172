//! Beside the switches: does the customer have what a purchase needs, and the fix for each
//! missing item right there (B1): add the Azure plan, give a user Owner. The panel reads
//! again as soon as a fix is made.

use domain::{CustomerId, Readiness};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::components::add_azure_plan::AddAzurePlan;
use crate::components::assign_owner::AssignOwner;
use crate::i18n::{CustomerTexts, fill};

#[component]
pub fn ReadinessPanel(
    id: CustomerId,
    readiness: Readiness,
    /// The customer holds an Azure plan that is not active (suspended): another cannot be
    /// bought, and the fix is on the Subscriptions page.
    inactive_azure_plan: bool,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let azure = if readiness.has_azure_subscription() {
        let names: Vec<String> = readiness
            .azure_subscriptions
            .iter()
            .map(|s| format!("{} ({})", m.offer_name(s.offer), s.azure_subscription_id))
            .collect();
        view! { <li class="check check-ok">{fill(m.readiness_azure_ok, &[("subscriptions", &m.list(&names))])}</li> }.into_any()
    } else if inactive_azure_plan {
        view! {
            <li class="check check-missing">
                <strong>{m.readiness_azure_missing}</strong>" "{m.readiness_azure_inactive}" "
                <a href=app.href(&AppRoute::Subscriptions(id))>{m.view_subscriptions}</a>
            </li>
        }
        .into_any()
    } else {
        view! {
            <li class="check check-missing">
                <strong>{m.readiness_azure_missing}</strong>" "{m.readiness_azure_fix}
                <AddAzurePlan id="readiness-add-azure-plan"/>
            </li>
        }
        .into_any()
    };
    let owners = if readiness.has_owner() {
        let names: Vec<String> = readiness
            .owners
            .iter()
            .map(|u| format!("{} ({})", u.display_name, u.user_principal_name))
            .collect();
        view! { <li class="check check-ok">{fill(m.readiness_owner_ok, &[("users", &m.list(&names))])}</li> }.into_any()
    } else if readiness.has_azure_subscription() {
        view! {
            <li class="check check-missing">
                <strong>{m.readiness_owner_missing}</strong>" "{m.readiness_owner_fix}
                <AssignOwner subscriptions=readiness.azure_subscriptions.clone()/>
            </li>
        }
        .into_any()
    } else {
        view! {
            <li class="check check-missing">
                <strong>{m.readiness_owner_missing}</strong>" "{m.readiness_owner_after_plan}
            </li>
        }
        .into_any()
    };
    let ready = readiness.is_ready();
    view! {
        <section class="readiness" aria-labelledby="readiness-title" data-testid="readiness">
            <h3 id="readiness-title" class="readiness-title">{m.readiness_title}</h3>
            <ul class="checks">{azure}{owners}</ul>
            {(!ready).then(|| view! { <p class="readiness-warning">{m.readiness_warning}</p> })}
        </section>
    }
}
