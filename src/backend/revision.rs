//! What a backend has kept: a number it bumps after every change it kept (a decision kept in
//! localStorage, a write the mock API answered with success), told to whoever listens. Every
//! read of a page follows it (`pages::read_as_user`), so a change made anywhere (a switch,
//! a role, a purchase in the customer's portal, starting the demo again) is read again by
//! every page showing what it touched, and no read has to list the changes it depends on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Default)]
pub struct Revision {
    kept: Cell<u64>,
    listeners: RefCell<Vec<Rc<dyn Fn(u64)>>>,
}

impl Revision {
    /// The number of changes kept so far.
    pub fn get(&self) -> u64 {
        self.kept.get()
    }

    /// Calls `listener` with the new number after every change kept from now on.
    pub fn listen(&self, listener: impl Fn(u64) + 'static) {
        self.listeners.borrow_mut().push(Rc::new(listener));
    }

    /// A change was kept.
    pub(super) fn bump(&self) {
        let kept = self.kept.get() + 1;
        self.kept.set(kept);
        // A listener may listen again or read: call them outside the borrow.
        let listeners: Vec<_> = self.listeners.borrow().clone();
        for listener in listeners {
            listener(kept);
        }
    }
}
