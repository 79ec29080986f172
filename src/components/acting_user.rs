//! Who placed an order or made a change, as the partner's staff see them: a partner user by
//! their display name, a customer user by theirs (or their sign-in name when the company's
//! users are not known), marked as the customer's user, so self-service purchases stand out.

use domain::Caller;
use leptos::prelude::*;

use crate::app_state::use_app;

/// A user's name, marked as the customer's user (and, if asked, as partner staff), with
/// their sign-in name below when asked.
#[component]
pub fn ActingUser(
    by: Caller,
    /// Mark partner users as partner staff too (where both kinds are listed side by side).
    #[prop(optional)]
    mark_partner_staff: bool,
    /// Show the sign-in name below the display name.
    #[prop(optional)]
    show_sign_in_name: bool,
) -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let sign_in_name = by.user_principal_name().to_string();
    let name = untrack(|| app.display_name(&by));
    let marker = match by {
        Caller::Customer(_) => Some((m.marker_customer_user, true)),
        Caller::Partner(_) if mark_partner_staff => Some((m.marker_partner_staff, false)),
        Caller::Partner(_) => None,
    };
    let below = (show_sign_in_name && name.is_some()).then(|| sign_in_name.clone());
    view! {
        <div>{name.unwrap_or(sign_in_name)}</div>
        {marker.map(|(text, customer)| view! { <div class="user-kind" class:user-kind-customer=customer>{text}</div> })}
        {below.map(|upn| view! { <div class="secondary">{upn}</div> })}
    }
}
