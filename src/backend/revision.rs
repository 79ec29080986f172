//! What a backend has kept: a number it bumps after every change it kept (a decision kept in
//! localStorage, a write the mock API answered with success), told to whoever listens. Every
//! read of a page follows it (`pages::read_as_user`), so a change made anywhere (a switch,
//! a role, a purchase in the customer's portal, starting the demo again) is read again by
//! every page showing what it touched, and no read has to list the changes it depends on.
//! Changes kept elsewhere (another tab, the mock API's event stream) are told the same way,
//! held back while a dialog is open.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use api_types::change_event::ChangeEvent;

#[derive(Default)]
pub struct Revision {
    kept: Cell<u64>,
    listeners: RefCell<Vec<Rc<dyn Fn(u64, Option<ChangeEvent>)>>>,
    /// How many hold the changes kept elsewhere back (an open dialog each).
    held: Cell<u32>,
    /// A change was kept elsewhere while held.
    missed: Cell<bool>,
    /// What the newest change was (which customer, what kind), when it was told (an event
    /// of the mock API's stream); `None`: anything may have changed.
    about: Cell<Option<ChangeEvent>>,
}

impl Revision {
    /// The number of changes kept so far.
    pub fn get(&self) -> u64 {
        self.kept.get()
    }

    /// Calls `listener` with the new number, and what the change was when that is known,
    /// after every change kept from now on.
    pub fn listen(&self, listener: impl Fn(u64, Option<ChangeEvent>) + 'static) {
        self.listeners.borrow_mut().push(Rc::new(listener));
    }

    /// What the newest change was, if that is known (reads of another customer's pages, or
    /// of pages showing other kinds of things, need not read again).
    pub fn about(&self) -> Option<ChangeEvent> {
        self.about.get()
    }

    /// A change was kept elsewhere (another tab, a script, another browser), `change` if it
    /// is known what it was: told at once, or, while someone holds them back, once they let
    /// go, so that a page being edited is not read again under the user.
    pub fn bump_from_elsewhere(&self, change: Option<ChangeEvent>) {
        if self.held.get() > 0 {
            self.missed.set(true);
        } else {
            self.tell(change);
        }
    }

    /// Holds changes kept elsewhere back (a dialog opened) until [`Revision::release`].
    pub fn hold(&self) {
        self.held.set(self.held.get() + 1);
    }

    /// Lets go of a [`Revision::hold`]; what was missed meanwhile is told now.
    pub fn release(&self) {
        self.held.set(self.held.get().saturating_sub(1));
        if self.held.get() == 0 && self.missed.replace(false) {
            self.bump();
        }
    }

    /// A change was kept (about anything, as far as the readers know).
    pub(super) fn bump(&self) {
        self.tell(None);
    }

    fn tell(&self, about: Option<ChangeEvent>) {
        self.about.set(about);
        let kept = self.kept.get() + 1;
        self.kept.set(kept);
        // A listener may listen again or read: call them outside the borrow.
        let listeners: Vec<_> = self.listeners.borrow().clone();
        for listener in listeners {
            listener(kept, about);
        }
    }
}
