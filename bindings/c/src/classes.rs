//! The core's closed vocabularies (`marrowkb::classes`) as C enums, and the functions on their values.
//!
//! The core defines these enums inside a `macro_rules!` invocation, which cbindgen cannot see, so they are
//! mirrored here. The mirror cannot drift: [`mirror!`] checks at compile time that every value has the
//! core's discriminant, and the conversion from the core enum is an exhaustive `match`, so a value added
//! to the core fails to compile until it is added here.

use crate::boundary::{Status, ffi_boundary, put};
use marrowkb::classes as core_classes;

/// Checks a C mirror of a core enum at compile time: every value has the core's discriminant, both have
/// the same number of values, and `From<core>` is an exhaustive match (a value added to the core fails to
/// compile until it is added to the mirror).
macro_rules! mirror {
    ($name:ident: $($core:ident)::+ { $($variant:ident),+ $(,)? }) => {
        const _: () = {
            use $($core)::+ as Core;
            $(assert!($name::$variant as u32 == Core::$variant as u32);)+
            assert!([$($name::$variant),+].len() == Core::ALL.len());
        };
        impl From<$($core)::+> for $name {
            fn from(value: $($core)::+) -> Self {
                use $($core)::+ as Core;
                match value {
                    $(Core::$variant => $name::$variant,)+
                }
            }
        }
    };
}
pub(crate) use mirror;

/// Whether a disorder is inherited, acquired, or either; or genetic without being inherited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Origin {
    /// Caused by germline variants that are, or can be, passed on in families.
    Inherited = 1,
    /// Acquired during life.
    Acquired = 2,
    /// Inherited and acquired forms both exist.
    Both = 3,
    /// Genetic and present from birth, but not inherited: a change that arises new (de novo) in the child.
    Constitutional = 4,
}
mirror!(Origin: core_classes::Origin {
    Inherited,
    Acquired,
    Both,
    Constitutional
});

/// A blood cell line that bone marrow failure can affect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum CellLine {
    /// Red cells (erythroid line): anaemia.
    RedCells = 1,
    /// White cells, above all neutrophils (myeloid line): neutropenia.
    WhiteCells = 2,
    /// Platelets (megakaryocytic line): thrombocytopenia.
    Platelets = 3,
}
mirror!(CellLine: core_classes::CellLine {
    RedCells,
    WhiteCells,
    Platelets
});

/// Mode of inheritance (HPO "Mode of inheritance" branch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Inheritance {
    /// Autosomal recessive (HP:0000007).
    AutosomalRecessive = 1,
    /// Autosomal dominant (HP:0000006).
    AutosomalDominant = 2,
    /// X-linked recessive (HP:0001419).
    XLinkedRecessive = 3,
    /// X-linked dominant (HP:0001423).
    XLinkedDominant = 4,
    /// X-linked, dominance not stated (HP:0001417).
    XLinked = 5,
    /// Mitochondrial (HP:0001427).
    Mitochondrial = 6,
    /// Sporadic (HP:0003745).
    Sporadic = 7,
    /// Not inherited (acquired).
    NotInherited = 8,
}
mirror!(Inheritance: core_classes::Inheritance {
    AutosomalRecessive,
    AutosomalDominant,
    XLinkedRecessive,
    XLinkedDominant,
    XLinked,
    Mitochondrial,
    Sporadic,
    NotInherited,
});

/// Typical age of onset (HPO "Onset" branch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Onset {
    /// Present at birth (HP:0003577).
    Congenital = 1,
    /// First 28 days (HP:0003623).
    Neonatal = 2,
    /// 28 days to 1 year (HP:0003593).
    Infantile = 3,
    /// 1 to 5 years (HP:0011463).
    Childhood = 4,
    /// 5 to 15 years (HP:0003621).
    Juvenile = 5,
    /// 16 years or later (HP:0003581).
    Adult = 6,
}
mirror!(Onset: core_classes::Onset {
    Congenital,
    Neonatal,
    Infantile,
    Childhood,
    Juvenile,
    Adult
});

/// HPO frequency classes (HP:0040279 subtree) for how often a feature occurs in a disorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Frequency {
    /// Always present, 100 % (HP:0040280).
    Obligate = 1,
    /// 80–99 % (HP:0040281).
    VeryFrequent = 2,
    /// 30–79 % (HP:0040282).
    Frequent = 3,
    /// 5–29 % (HP:0040283).
    Occasional = 4,
    /// 1–4 % (HP:0040284).
    VeryRare = 5,
    /// 0 %: the feature argues against the disorder (HP:0040285).
    Excluded = 6,
}
mirror!(Frequency: core_classes::Frequency {
    Obligate,
    VeryFrequent,
    Frequent,
    Occasional,
    VeryRare,
    Excluded
});

/// What a treatment does for a disorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum TreatmentRole {
    /// Relieves symptoms or replaces what is missing (transfusion, antibiotics).
    Supportive = 1,
    /// Changes the course of the disease without curing it (G-CSF, androgens, steroids).
    DiseaseModifying = 2,
    /// Can cure the marrow failure (haematopoietic stem cell transplantation).
    Curative = 3,
}
mirror!(TreatmentRole: core_classes::TreatmentRole {
    Supportive,
    DiseaseModifying,
    Curative
});

/// The body system a feature belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum BodySystem {
    /// Blood and bone marrow.
    Blood = 1,
    /// Immune system and infections.
    Immune = 2,
    /// Skin.
    Skin = 3,
    /// Hair and nails.
    HairAndNails = 4,
    /// Mouth and teeth.
    MouthAndTeeth = 5,
    /// Digestive system, liver and pancreas.
    Digestive = 6,
    /// Growth.
    Growth = 7,
    /// Skeleton and limbs.
    Skeletal = 8,
    /// Head, face and neck.
    HeadAndNeck = 9,
    /// Eye.
    Eye = 10,
    /// Ear and hearing.
    Ear = 11,
    /// Kidney and urinary tract.
    KidneyAndUrinary = 12,
    /// Heart.
    Heart = 13,
    /// Nervous system and development.
    NervousSystem = 14,
    /// Lungs and breathing.
    Respiratory = 15,
    /// Hormones and metabolism.
    EndocrineAndMetabolic = 16,
    /// Genital system.
    Genital = 17,
    /// General and whole-body.
    General = 18,
}
mirror!(BodySystem: core_classes::BodySystem {
    Blood,
    Immune,
    Skin,
    HairAndNails,
    MouthAndTeeth,
    Digestive,
    Growth,
    Skeletal,
    HeadAndNeck,
    Eye,
    Ear,
    KidneyAndUrinary,
    Heart,
    NervousSystem,
    Respiratory,
    EndocrineAndMetabolic,
    Genital,
    General,
});

/// How an ORPHA or OMIM entry relates to a marrowkb disorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum XrefMatch {
    /// The entry is this disorder.
    Exact = 1,
    /// The entry is one form (subtype, complementation group, genetic type) of this disorder.
    Subtype = 2,
    /// No entry exists for this disorder; this is the nearest one (the note says why).
    Closest = 3,
}
mirror!(XrefMatch: core_classes::XrefMatch {
    Exact,
    Subtype,
    Closest
});

/// How a WHO ICD-10 code relates to a marrowkb disorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum IcdMatch {
    /// ICD-10 names this disorder (or classifies exactly it).
    Exact = 1,
    /// ICD-10 has no code of its own; this is the nearest parent category.
    NearestParent = 2,
}
mirror!(IcdMatch: core_classes::IcdMatch { Exact, NearestParent });

/// How two disorders relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum RelationKind {
    /// The disorder is a form of the target (Kostmann syndrome of severe congenital neutropenia).
    SubtypeOf = 1,
    /// The disorder can evolve into the target (Fanconi anemia into myelodysplastic syndrome).
    MayProgressTo = 2,
    /// The disorders are clinically associated (sideroblastic anemia and myelodysplastic syndrome).
    AssociatedWith = 3,
}
mirror!(RelationKind: core_classes::RelationKind {
    SubtypeOf,
    MayProgressTo,
    AssociatedWith
});

/// Writes the HPO term number of a mode of inheritance (7 for `HP:0000007`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbInheritance`, `MKB_NOT_FOUND` for
/// `MKB_INHERITANCE_NOT_INHERITED` (HPO has no term for it).
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_inheritance_hpo(inheritance: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Inheritance::from_discriminant(inheritance)?;
        let hpo = value.hpo().ok_or(Status::MkbNotFound)?;
        unsafe { put(out, hpo.get()) };
        Ok(())
    })
}

/// Writes the HPO term number of an onset class (3577 for `HP:0003577`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbOnset`.
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_onset_hpo(onset: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Onset::from_discriminant(onset)?;
        unsafe { put(out, value.hpo().get()) };
        Ok(())
    })
}

/// Writes the age range in years `[from, to)` an onset class covers (HPO definitions); `to` is
/// `INFINITY` for adult onset.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbOnset`.
///
/// # Safety
/// `from` and `to` must point to writable `double`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_onset_age_years(onset: u32, from: *mut f64, to: *mut f64) -> Status {
    ffi_boundary!(nonnull(from, to) {
        let (lo, hi) = core_classes::Onset::from_discriminant(onset)?.age_years();
        unsafe {
            put(from, lo);
            put(to, hi);
        }
        Ok(())
    })
}

/// Writes the HPO term number of a frequency class (40281 for `HP:0040281`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbFrequency`.
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_hpo(frequency: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Frequency::from_discriminant(frequency)?;
        unsafe { put(out, value.hpo().get()) };
        Ok(())
    })
}

/// Writes a frequency class's range in percent, inclusive (80 and 99 for very frequent), and its point
/// estimate as a probability (the midpoint: 0.895). Any of the out-pointers may be NULL.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbFrequency`.
///
/// # Safety
/// Each out-pointer must be NULL or point to a writable object of its type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_range(
    frequency: u32,
    low_percent: *mut u8,
    high_percent: *mut u8,
    probability: *mut f64,
) -> Status {
    ffi_boundary!(nonnull() {
        let value = core_classes::Frequency::from_discriminant(frequency)?;
        let (lo, hi) = value.range_percent();
        unsafe {
            crate::boundary::put_opt(low_percent, lo);
            crate::boundary::put_opt(high_percent, hi);
            crate::boundary::put_opt(probability, value.probability());
        }
        Ok(())
    })
}

/// Writes the frequency class a percentage falls in to `*out`.
///
/// Returns `MKB_INVALID_ARGUMENT` for a percentage outside 0–100 or NaN.
///
/// # Safety
/// `out` must point to a writable `MkbFrequency`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_from_percent(percent: f64, out: *mut Frequency) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Frequency::from_percent(percent).ok_or(Status::MkbInvalidArgument)?;
        unsafe { put(out, value.into()) };
        Ok(())
    })
}
