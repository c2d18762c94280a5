//! Where a value came from: Dynamo's `Source`, printed the way its guards
//! print it (`L['self'].layers[3].weight`).

use std::fmt;
use std::rc::Rc;

/// A path from the frame to a value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// `L['name']`: a local of the frame.
    Local(Rc<str>),
    /// `G['name']`: a global of the frame.
    Global(Rc<str>),
    /// `base.name`.
    Attr(Rc<Source>, Rc<str>),
    /// `base[3]`.
    Index(Rc<Source>, i64),
    /// `base['key']`, or any other constant key, by its repr.
    Key(Rc<Source>, Rc<str>),
    /// `base.size()[dim]`: one dim of a tensor.
    Size(Rc<Source>, usize),
    /// `list(base.keys())[index]`: a dict's key, Dynamo's
    /// `ConstDictKeySource`, for a key that is no constant (an `$object`).
    DictKey(Rc<Source>, usize),
}

impl Source {
    pub fn local(name: &str) -> Source {
        Source::Local(name.into())
    }

    pub fn global(name: &str) -> Source {
        Source::Global(name.into())
    }

    pub fn attr(&self, name: &str) -> Source {
        Source::Attr(Rc::new(self.clone()), name.into())
    }

    pub fn index(&self, index: i64) -> Source {
        Source::Index(Rc::new(self.clone()), index)
    }

    /// `base[key]` with the key's repr, e.g. `['lr']`.
    pub fn key(&self, key_repr: &str) -> Source {
        Source::Key(Rc::new(self.clone()), key_repr.into())
    }

    pub fn size(&self, dim: usize) -> Source {
        Source::Size(Rc::new(self.clone()), dim)
    }

    /// The key at `index` of the dict at this source.
    pub fn dict_key(&self, index: usize) -> Source {
        Source::DictKey(Rc::new(self.clone()), index)
    }

    /// A Python identifier naming this source, as Dynamo names graph inputs:
    /// `L['self'].layers[3].weight` is `l_self_layers_3_weight`.
    pub fn ident(&self) -> String {
        let text = self.to_string();
        let mut ident = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                ident.push(c.to_ascii_lowercase());
            } else if !ident.ends_with('_') {
                ident.push('_');
            }
        }
        ident
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Local(name) => write!(f, "L['{name}']"),
            Source::Global(name) => write!(f, "G['{name}']"),
            Source::Attr(base, name) => write!(f, "{base}.{name}"),
            Source::Index(base, index) => write!(f, "{base}[{index}]"),
            Source::Key(base, key) => write!(f, "{base}[{key}]"),
            Source::Size(base, dim) => write!(f, "{base}.size()[{dim}]"),
            Source::DictKey(base, index) => write!(f, "list({base}.keys())[{index}]"),
        }
    }
}
