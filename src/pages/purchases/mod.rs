//! After the purchase, the partner's side: every customer's reservations and savings plans
//! (`/reservations`, and each customer's Reservations tab), one purchase with what an Admin
//! agent can do with it (`/reservations/{kind}/{id}`: cancel, exchange, renew), and what
//! customers asked for (`/requests`). One file per page; `dialogs.rs` holds the
//! confirmations, which the purchase page and the Requests page (Approve) share.

pub mod dialogs;
pub mod purchase_page;
pub mod purchases_page;
pub mod requests_page;

use domain::{BenefitItem, PurchasedBenefit};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::{use_app, AppState};
use crate::i18n::{fill, PurchasesTexts};

use purchase_page::PurchasePage;
use purchases_page::PurchasesPage;
use requests_page::RequestsPage;

/// The page of a route of the partner's Reservations and Requests.
#[component]
pub fn PurchasesSection(route: Memo<AppRoute>) -> impl IntoView {
    move || match route.get() {
        AppRoute::Purchase(benefit) => view! { <PurchasePage benefit=benefit/> }.into_any(),
        AppRoute::Requests => view! { <RequestsPage/> }.into_any(),
        _ => view! { <PurchasesPage customer=None/> }.into_any(),
    }
}

/// What was bought, in words: a reservation's VM size and region, or a savings plan's
/// hourly commitment.
pub fn product_text(m: &PurchasesTexts, item: &BenefitItem) -> String {
    match item {
        BenefitItem::Reservation(r) => fill(m.reservation_product, &[("sku", r.size.sku_name()), ("region", m.region(r.region))]),
        BenefitItem::SavingsPlan(p) => fill(m.savings_plan_product, &[("amount", &m.hourly_money(p.hourly_commitment))]),
    }
}

/// The link to a purchase's own page.
pub fn purchase_link(app: AppState, bought: &PurchasedBenefit) -> impl IntoView {
    let name = bought.item.benefit().display_name.clone();
    view! { <a href=app.href(&AppRoute::Purchase(bought.item.id()))>{name}</a> }
}

/// Whether the signed-in partner user may exchange, cancel and renew (an Admin agent).
pub fn may_manage() -> bool {
    use_app().user().is_some_and(|u| u.role.may_manage_purchases())
}
