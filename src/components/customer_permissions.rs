//! The Customer permissions area of the Account page: one switch per product family,
//! readiness beside them, a confirmation before turning On, and the outcome in words.

use domain::{with_permission, CustomerId, Permission, Subscription};
use leptos::prelude::*;

use crate::app_state::{use_app, NoticeKind, NoticeText};
use crate::backend::Granted;
use crate::components::confirm_dialog::{focus_by_id, ConfirmDialog};
use crate::components::permission_switch::PermissionSwitch;
use crate::components::readiness_panel::ReadinessPanel;
use crate::components::status_text::{backend_error, Loading};
use crate::i18n::{fill, Catalogue, CustomerTexts};
use crate::pages::read_as_user;

/// A switch moved: which permission, On or Off, and the permissions it was moved on.
type SwitchMove = (Permission, bool, Granted);

#[component]
pub fn CustomerPermissions(id: CustomerId, #[prop(into)] company_name: String) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let company_name = StoredValue::new(company_name);
    // A change that fails reads the permissions again, so the switches never show a guess.
    let read_again = RwSignal::new(0u32);
    // One change: the permission as asked, made on what was read (so a change made
    // meanwhile by someone else is refused, not overwritten); its outcome in words.
    let switch = Action::new_local(move |(permission, on, read): &SwitchMove| {
        let (backend, caller) = (app.backend(), app.caller());
        let (permission, on, read) = (*permission, *on, read.clone());
        // Read now: the owner of the name may be gone when the change completes.
        let customer = company_name.try_get_value().unwrap_or_default();
        async move {
            let (backend, caller) = (backend?, caller?);
            let wanted = with_permission(read.permissions.clone(), permission, on);
            let result = backend.set_permissions(&caller, id, wanted, &read).await;
            match &result {
                Ok(now) => {
                    let on = now.permissions.contains(&permission);
                    let text = NoticeText::worded(move |lang| {
                        let m = CustomerTexts::of(lang);
                        let turned = if on { m.turned_on } else { m.turned_off };
                        fill(turned, &[("permission", m.permission(permission)), ("customer", &customer)])
                    });
                    app.notify(NoticeKind::Success, text);
                }
                Err(error) => {
                    app.report(error.clone());
                    read_again.try_update(|n| *n += 1);
                }
            }
            result
        }
    });
    // The permissions as read, with how many changes had completed when they were read.
    let granted = read_as_user(app, move || read_again.track(), move |backend, caller| {
        let changes_seen = switch.version().get_untracked();
        async move { backend.permissions(&caller, id).await.map(|granted| (granted, changes_seen)) }
    });
    // What a purchase needs (and whether an Azure plan is held but not active); read again
    // after every change kept (a fix made on this page: an Azure plan, an Owner).
    let readiness = read_as_user(app, || (), move |backend, caller| async move {
        let readiness = backend.readiness(&caller, id).await?;
        // Only without an active Azure subscription is it worth asking whether an Azure
        // plan is held all the same (suspended): then none can be added.
        let inactive_azure_plan = !readiness.has_azure_subscription()
            && backend.subscriptions(&caller, id).await?.iter().any(Subscription::is_held_azure_plan);
        Ok((readiness, inactive_azure_plan))
    });
    // What the switches show: the backend's newest word on the permissions. That is the
    // answer to the last change when it succeeded after the last read (no second request),
    // otherwise the last read.
    let read_state = Memo::new(move |_| {
        let (read, changes_seen) = granted.get().flatten().and_then(Result::ok)?;
        let answered = switch.value().get().and_then(Result::ok);
        match answered {
            Some(now) if switch.version().get() > changes_seen => Some(now),
            _ => Some(read),
        }
    });
    let may_change = Memo::new(move |_| app.user().is_some_and(|u| u.role.may_change_customer_permissions()));
    let confirming = RwSignal::new(None::<Permission>);

    let request = move |permission: Permission, on: bool| {
        let Some(read) = read_state.get_untracked() else { return };
        if on {
            confirming.set(Some(permission));
        } else {
            switch.dispatch_local((permission, false, read));
        }
    };

    view! {
        <section class="card permissions" aria-labelledby="permissions-title" data-testid="customer-permissions">
            <h2 id="permissions-title" class="section-title">{m.customer_permissions}</h2>
            <p class="hint">{m.customer_permissions_intro}</p>
            {move || (!may_change.get()).then(|| app.user()).flatten().map(|user| view! {
                <p class="read-only-reason" id="read-only-reason" data-testid="read-only-reason">
                    {fill(m.only_admin_agents, &[("role", m.role(user.role))])}
                </p>
            })}
            {move || granted.get().flatten().and_then(Result::err).map(|error| backend_error(&error))}
            <div class="permissions-layout">
                <div class="permission-rows">
                    {Permission::ALL.into_iter().map(|permission| {
                        let key = switch_key(permission);
                        let explained = match permission {
                            Permission::AzureReservations => m.reservations_explained,
                            Permission::AzureSavingsPlan => m.savings_plan_explained,
                        };
                        let checked = Signal::derive(move || read_state.with(|r| r.as_ref().is_some_and(|g| g.permissions.contains(&permission))));
                        let saving = Signal::derive(move || {
                            switch.pending().get() && switch.input().with(|i| i.as_ref().is_some_and(|(p, _, _)| *p == permission))
                        });
                        let disabled = Signal::derive(move || !may_change.get() || read_state.with(Option::is_none));
                        let busy = Signal::derive(move || switch.pending().get());
                        let described_by = move || if may_change.get() {
                            format!("explain-{key}")
                        } else {
                            format!("explain-{key} read-only-reason")
                        };
                        view! {
                            <div class="permission-row" data-testid=format!("permission-{key}")>
                                <h3 class="permission-name">{m.permission(permission)}</h3>
                                <p class="hint" id=format!("explain-{key}")>{explained}</p>
                                <PermissionSwitch
                                    id=format!("switch-{key}")
                                    label=m.allow_customer_to_purchase
                                    label_detail=m.permission(permission)
                                    checked=checked
                                    disabled=disabled
                                    busy=busy
                                    described_by=Signal::derive(described_by)
                                    on_toggle=Callback::new(move |on| request(permission, on))
                                />
                                {move || saving.get().then(|| view! { <span class="saving">{m.saving}</span> })}
                            </div>
                        }
                    }).collect_view()}
                </div>
                <Transition fallback=Loading>
                    {move || readiness.get().map(|read| match read {
                        None => view! { <Loading/> }.into_any(),
                        Some(Ok((readiness, inactive_azure_plan))) => {
                            view! { <ReadinessPanel id=id readiness=readiness inactive_azure_plan=inactive_azure_plan/> }.into_any()
                        }
                        Some(Err(error)) => backend_error(&error),
                    })}
                </Transition>
            </div>
        </section>
        {move || confirming.try_get().flatten().map(|permission| {
            let name = company_name.get_value();
            view! {
                <ConfirmDialog
                    title=fill(m.confirm_title, &[("customer", &name), ("permission", m.permission(permission))])
                    confirm_label=m.turn_on
                    on_confirm=Callback::new(move |_| {
                        confirming.set(None);
                        focus_switch(permission);
                        if let Some(read) = read_state.get_untracked() {
                            switch.dispatch_local((permission, true, read));
                        }
                    })
                    on_cancel=Callback::new(move |_| {
                        confirming.set(None);
                        focus_switch(permission);
                    })
                >
                    <p>{m.confirm_intro}</p>
                    <ul class="consequences">
                        <li>{m.consequence_pay}</li>
                        <li>{m.consequence_not_notified}</li>
                        <li>{m.consequence_no_self_service}</li>
                        <li>{m.consequence_visible}</li>
                    </ul>
                </ConfirmDialog>
            }
        })}
    }
}

/// The part of element ids that names a permission's row.
fn switch_key(permission: Permission) -> &'static str {
    match permission {
        Permission::AzureReservations => "reservations",
        Permission::AzureSavingsPlan => "savings-plan",
    }
}

/// Gives keyboard focus back to the switch that opened the dialog.
fn focus_switch(permission: Permission) {
    focus_by_id(&format!("switch-{}", switch_key(permission)));
}
