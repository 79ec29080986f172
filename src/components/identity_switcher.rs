//! Who is signed in to the demo: their name and role (or company) always shown, and a
//! choice of user: the partner's staff, and the customer users grouped by company.
//! Choosing someone of the other side opens that side's first page.

use domain::{Caller, CustomerUpn, PartnerUserId};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::app_route::{AppRoute, Side};
use crate::app_state::use_app;
use crate::use_route;

/// An option's value: `p:` and a partner user's sign-in name, or `c:` and a customer user's.
fn option_value(caller: &Caller) -> String {
    match caller {
        Caller::Partner(id) => format!("p:{id}"),
        Caller::Customer(upn) => format!("c:{}", upn.as_str()),
    }
}

fn parse_option(value: &str) -> Option<Caller> {
    match value.split_once(':')? {
        ("p", id) => Some(Caller::Partner(PartnerUserId::new(id))),
        ("c", upn) => Some(Caller::Customer(CustomerUpn::new(upn))),
        _ => None,
    }
}

#[component]
pub fn IdentitySwitcher() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let route = use_route();
    let navigate = use_navigate();
    let selected = move || app.current_user.get().map(|c| option_value(&c)).unwrap_or_default();
    let name = move || match (app.user(), app.customer_user()) {
        (Some(user), _) => user.display_name,
        (None, Some((user, _))) => user.display_name,
        _ => String::new(),
    };
    let role = move || match (app.user(), app.customer_user()) {
        (Some(user), _) => m.role(user.role).to_string(),
        (None, Some((_, company))) => company.company_name,
        _ => String::new(),
    };
    let choose = move |value: String| {
        let Some(caller) = parse_option(&value) else { return };
        let side = match caller {
            Caller::Partner(_) => Side::Partner,
            Caller::Customer(_) => Side::Customer,
        };
        app.current_user.set(Some(caller));
        let here = route.get_untracked().side();
        if here != side && here != Side::Either || route.get_untracked() == AppRoute::Home {
            let home = match side {
                Side::Customer => AppRoute::MySubscriptions,
                _ => AppRoute::Customers,
            };
            navigate(&home.path(), Default::default());
        }
    };
    view! {
        <div class="identity">
            <div class="identity-current" data-testid="current-user">
                <span class="visually-hidden">{m.signed_in_as}" "</span>
                <span class="identity-name">{name}</span>
                <span class="identity-role">{role}</span>
            </div>
            <label class="visually-hidden" for="identity-select">{m.switch_user}</label>
            <select
                id="identity-select"
                class="identity-select"
                prop:value=selected
                on:change=move |ev| choose(event_target_value(&ev))
            >
                <optgroup label=m.partner_staff>
                    <For each=move || app.users.get() key=|u| u.id.clone() let:user>
                        {
                            let value = option_value(&Caller::Partner(user.id.clone()));
                            let is_current = {
                                let value = value.clone();
                                move || selected() == value
                            };
                            view! {
                                <option value=value selected=is_current>
                                    {format!("{} ({})", user.display_name, m.role(user.role))}
                                </option>
                            }
                        }
                    </For>
                </optgroup>
                <For each=move || app.companies.get() key=|c| c.customer.id let:company>
                    <optgroup label=format!("{} ({})", company.customer.company_name, m.customer_users)>
                        {company.users.into_iter().map(|user| {
                            let value = option_value(&Caller::Customer(CustomerUpn::new(&user.user_principal_name)));
                            let is_current = {
                                let value = value.clone();
                                move || selected() == value
                            };
                            view! { <option value=value selected=is_current>{user.display_name}</option> }
                        }).collect_view()}
                    </optgroup>
                </For>
            </select>
        </div>
    }
}
