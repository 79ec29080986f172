//! A customer user's own view: their company's Azure portal. Their Azure subscriptions (with
//! their own roles), what the company reserved and its savings plans, and buying either,
//! billed to the partner. One page per file; `purchase_form.rs` holds the pieces both
//! purchase forms share.

pub mod ask_partner;
pub mod buy_reservation_page;
pub mod buy_savings_plan_page;
pub mod my_subscriptions_page;
pub mod purchase_form;
pub mod reservations_page;
pub mod savings_plans_page;

use domain::{AppliedScope, AzureSubscriptionView, VmSize};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::components::status_text::Loading;
use crate::i18n::{PortalTexts, fill};

use buy_reservation_page::BuyReservationPage;
use buy_savings_plan_page::BuySavingsPlanPage;
use my_subscriptions_page::MySubscriptionsPage;
use reservations_page::ReservationsPage;
use savings_plans_page::SavingsPlansPage;

/// The page of a portal route, for the signed-in customer user and their company (until
/// the users are read: loading).
#[component]
pub fn PortalPage(route: Memo<AppRoute>) -> impl IntoView {
    let app = use_app();
    let me = Memo::new(move |_| app.customer_user());
    move || {
        let Some((user, company)) = me.get() else { return view! { <Loading/> }.into_any() };
        match route.get() {
            AppRoute::MyReservations => view! { <ReservationsPage company=company/> }.into_any(),
            AppRoute::BuyReservation => view! { <BuyReservationPage company=company/> }.into_any(),
            AppRoute::MySavingsPlans => view! { <SavingsPlansPage company=company/> }.into_any(),
            AppRoute::BuySavingsPlan => view! { <BuySavingsPlanPage company=company/> }.into_any(),
            _ => view! { <MySubscriptionsPage user=user company=company/> }.into_any(),
        }
    }
}

/// The top of a portal page: the company (Azure's directory) and the page's title.
#[component]
pub fn PortalHeading(title: &'static str, #[prop(into)] company: String) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    view! {
        <p class="portal-directory">{fill(m.portal_directory, &[("company", &company)])}</p>
        <h1 class="page-title">{title}</h1>
    }
}

/// The top of a list of purchases (reservations, savings plans): the heading, the way to buy
/// more, and who exchanges, cancels and renews them.
#[component]
pub fn PurchasesTop(
    title: &'static str,
    #[prop(into)] company: String,
    /// The purchase form's page.
    buy: AppRoute,
    note: &'static str,
) -> impl IntoView {
    let app = use_app();
    view! {
        <PortalHeading title=title company=company/>
        <div class="toolbar">
            <a class="button button-primary" href=app.href(&buy)>{app.texts::<PortalTexts>().purchase}</a>
        </div>
        <p class="hint">{note}</p>
    }
}

/// The breadcrumb of a purchase page: back to its list.
#[component]
pub fn PortalBreadcrumb(list: AppRoute, list_title: &'static str, current: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <nav class="breadcrumb" aria-label={app.texts::<PortalTexts>().breadcrumb}>
            <a href=app.href(&list)>{list_title}</a>
            <span aria-hidden="true">" › "</span>
            <span class="breadcrumb-current">{current}</span>
        </nav>
    }
}

/// A VM size as the product list shows it: its name, virtual CPUs and memory.
pub fn product_text(m: &PortalTexts, size: VmSize) -> String {
    let (cores, memory) = size.cores_and_memory();
    fill(
        m.product_option,
        &[("sku", size.sku_name()), ("cores", &m.number(cores as usize)), ("memory", &m.number(memory as usize))],
    )
}

/// An Azure subscription as a list shows it: its name and id.
pub fn subscription_text(m: &PortalTexts, subscription: &AzureSubscriptionView) -> String {
    fill(
        m.subscription_option,
        &[("name", &subscription.name), ("id", &subscription.azure_subscription_id.to_string())],
    )
}

/// Where a purchase's discount applies, with the subscription's id for a single one.
pub fn scope_cell(m: &'static PortalTexts, scope: AppliedScope) -> impl IntoView {
    let subscription = match scope {
        AppliedScope::Single(azure) => Some(azure.to_string()),
        AppliedScope::Shared => None,
    };
    view! {
        {m.scope(scope)}
        {subscription.map(|id| view! { <div class="sub-id mono">{id}</div> })}
    }
}

/// Auto-renew as the portal says it: On or Off.
pub fn on_off(m: &PortalTexts, on: bool) -> &'static str {
    if on {
        m.on
    } else {
        m.off
    }
}
