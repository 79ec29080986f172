//! A page of the other side of the product: Partner Center's pages for a customer user, or
//! the customer's Azure portal for a partner user. Says whose page it is and where to go;
//! the backends refuse the other side's calls too.

use leptos::prelude::*;

use crate::app_route::{AppRoute, Side};
use crate::app_state::{set_title, use_app};
use crate::i18n::fill;

#[component]
pub fn OtherSidePage(
    /// Whose page was asked for.
    page_side: Side,
) -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let (title, text, link, target) = match page_side {
        Side::Partner => {
            let (user, company) = untrack(|| app.customer_user())
                .map(|(user, company)| (user.display_name, company.company_name))
                .unwrap_or_default();
            (
                m.partner_only_title,
                fill(m.partner_only_text, &[("user", &user), ("company", &company)]),
                m.go_to_my_subscriptions,
                AppRoute::MySubscriptions,
            )
        }
        _ => (m.customer_only_title, m.customer_only_text.to_string(), m.back_to_customers, AppRoute::Customers),
    };
    set_title(app, title);
    view! {
        <section class="not-found" data-testid="other-side">
            <h1 class="page-title">{title}</h1>
            <p>{text}</p>
            <p><a href=app.href(&target)>{link}</a></p>
        </section>
    }
}
