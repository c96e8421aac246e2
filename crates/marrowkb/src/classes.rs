//! Small closed vocabularies used by the records: origin, cell lines, inheritance, onset, frequency classes,
//! treatment roles, body systems and cross-reference qualities.
//!
//! Each is a plain `#[repr(u32)]` enum with explicit discriminants, a stable snake_case key (`key()`,
//! `Display`, `FromStr`, serde) and `ALL` in discriminant order.
//!
//! ```
//! use marrowkb::classes::Frequency;
//! assert_eq!(Frequency::VeryFrequent.key(), "very_frequent");
//! assert_eq!("frequent".parse::<Frequency>().unwrap(), Frequency::Frequent);
//! assert_eq!(" Very_Frequent ".parse::<Frequency>().unwrap(), Frequency::VeryFrequent); // any case
//! assert_eq!(Frequency::VeryFrequent.range_percent(), (80, 99));
//! ```

use crate::codes::HpoId;

/// Defines a closed vocabulary: a `#[repr(u32)]` enum with explicit discriminants, `ALL`, a stable key
/// (`key()`, `Display`, `FromStr`, serde) and `from_discriminant`. `$module` is the public path of the
/// module the enum lives in, for the generated doc examples. Used here and by `blood_count`.
macro_rules! closed_vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal in $module:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $disc:literal => $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
        #[doc = concat!("let first = ", stringify!($name), "::ALL[0];\n")]
        #[doc = concat!("assert_eq!(first.key().parse::<", stringify!($name), ">().unwrap(), first);\n```")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u32)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $disc, )+
        }

        impl $name {
            /// Every value, in discriminant order.
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("assert!(", stringify!($name), "::ALL.windows(2).all(|w| w[0] < w[1]));\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case key (serde, Python, C; also its `Display` and `FromStr`).
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("for v in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(v.to_string(), v.key());\n")]
            #[doc = concat!("    assert_eq!(v.key().parse::<", stringify!($name), ">().unwrap(), *v);\n}\n```")]
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The value with this stable discriminant.
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("for v in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(", stringify!($name), "::from_discriminant(*v as u32).unwrap(), *v);\n}\n")]
            #[doc = concat!("assert!(", stringify!($name), "::from_discriminant(99).is_err());\n```")]
            ///
            /// # Errors
            /// [`crate::Error::InvalidDiscriminant`] for a number no value has.
            pub const fn from_discriminant(value: u32) -> Result<Self, crate::Error> {
                match value {
                    $($disc => Ok($name::$variant),)+
                    _ => Err(crate::Error::InvalidDiscriminant { entity: $what, value }),
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.key())
            }
        }

        impl core::str::FromStr for $name {
            type Err = crate::Error;
            /// Parses the key, ignoring ASCII case and surrounding spaces (`"Childhood"`, `" EXACT "`): one
            /// rule for every closed vocabulary, as for names.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let s = s.trim();
                $(
                    if s.eq_ignore_ascii_case($key) {
                        return Ok($name::$variant);
                    }
                )+
                Err(crate::Error::UnknownKey { entity: $what })
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    };
}

pub(crate) use closed_vocabulary;

closed_vocabulary! {
    /// Whether a disorder is inherited, acquired, or either; or genetic without being inherited.
    Origin, "origin" in "marrowkb::classes" {
        /// Caused by germline variants that are, or can be, passed on in families (a new variant in one
        /// child is included when the disorder is also passed on from parents).
        Inherited = 1 => "inherited",
        /// Acquired during life.
        Acquired = 2 => "acquired",
        /// Inherited and acquired forms both exist.
        Both = 3 => "both",
        /// Genetic and present from birth, but not inherited: a change that arises new (de novo) in the
        /// child, such as the sporadic mitochondrial DNA deletion of Pearson syndrome.
        Constitutional = 4 => "constitutional",
    }
}

closed_vocabulary! {
    /// A blood cell line that bone marrow failure can affect.
    CellLine, "cell line" in "marrowkb::classes" {
        /// Red cells (erythroid line): anaemia.
        RedCells = 1 => "red_cells",
        /// White cells, above all neutrophils (myeloid line): neutropenia.
        WhiteCells = 2 => "white_cells",
        /// Platelets (megakaryocytic line): thrombocytopenia.
        Platelets = 3 => "platelets",
    }
}

closed_vocabulary! {
    /// Mode of inheritance (HPO "Mode of inheritance" branch).
    Inheritance, "inheritance" in "marrowkb::classes" {
        /// Autosomal recessive (HP:0000007).
        AutosomalRecessive = 1 => "autosomal_recessive",
        /// Autosomal dominant (HP:0000006).
        AutosomalDominant = 2 => "autosomal_dominant",
        /// X-linked recessive (HP:0001419).
        XLinkedRecessive = 3 => "x_linked_recessive",
        /// X-linked dominant (HP:0001423).
        XLinkedDominant = 4 => "x_linked_dominant",
        /// X-linked, dominance not stated (HP:0001417).
        XLinked = 5 => "x_linked",
        /// Mitochondrial (HP:0001427).
        Mitochondrial = 6 => "mitochondrial",
        /// Sporadic (HP:0003745).
        Sporadic = 7 => "sporadic",
        /// Not inherited (acquired).
        NotInherited = 8 => "not_inherited",
    }
}

impl Inheritance {
    /// The HPO term for this mode, where HPO has one.
    ///
    /// ```
    /// use marrowkb::classes::Inheritance;
    /// assert_eq!(Inheritance::AutosomalRecessive.hpo().unwrap().to_string(), "HP:0000007");
    /// assert!(Inheritance::NotInherited.hpo().is_none());
    /// ```
    pub const fn hpo(self) -> Option<HpoId> {
        match self {
            Inheritance::AutosomalRecessive => Some(HpoId::new(7)),
            Inheritance::AutosomalDominant => Some(HpoId::new(6)),
            Inheritance::XLinkedRecessive => Some(HpoId::new(1419)),
            Inheritance::XLinkedDominant => Some(HpoId::new(1423)),
            Inheritance::XLinked => Some(HpoId::new(1417)),
            Inheritance::Mitochondrial => Some(HpoId::new(1427)),
            Inheritance::Sporadic => Some(HpoId::new(3745)),
            Inheritance::NotInherited => None,
        }
    }
}

closed_vocabulary! {
    /// Typical age of onset (HPO "Onset" branch).
    Onset, "onset" in "marrowkb::classes" {
        /// Present at birth (HP:0003577).
        Congenital = 1 => "congenital",
        /// First 28 days (HP:0003623).
        Neonatal = 2 => "neonatal",
        /// 28 days to 1 year (HP:0003593).
        Infantile = 3 => "infantile",
        /// 1 to 5 years (HP:0011463).
        Childhood = 4 => "childhood",
        /// 5 to 15 years (HP:0003621).
        Juvenile = 5 => "juvenile",
        /// 16 years or later (HP:0003581).
        Adult = 6 => "adult",
    }
}

impl Onset {
    /// The HPO onset term.
    ///
    /// ```
    /// use marrowkb::classes::Onset;
    /// assert_eq!(Onset::Congenital.hpo().to_string(), "HP:0003577");
    /// ```
    pub const fn hpo(self) -> HpoId {
        HpoId::new(match self {
            Onset::Congenital => 3577,
            Onset::Neonatal => 3623,
            Onset::Infantile => 3593,
            Onset::Childhood => 11463,
            Onset::Juvenile => 3621,
            Onset::Adult => 3581,
        })
    }

    /// Age range in years `[from, to)` this onset class covers (HPO definitions).
    ///
    /// ```
    /// use marrowkb::classes::Onset;
    /// assert_eq!(Onset::Juvenile.age_years(), (5.0, 16.0));
    /// ```
    pub const fn age_years(self) -> (f64, f64) {
        match self {
            Onset::Congenital => (0.0, 0.0),
            Onset::Neonatal => (0.0, 28.0 / 365.25),
            Onset::Infantile => (28.0 / 365.25, 1.0),
            Onset::Childhood => (1.0, 5.0),
            Onset::Juvenile => (5.0, 16.0),
            Onset::Adult => (16.0, f64::INFINITY),
        }
    }
}

closed_vocabulary! {
    /// HPO frequency classes (HP:0040279 subtree) for how often a feature occurs in a disorder.
    Frequency, "frequency" in "marrowkb::classes" {
        /// Always present, 100 % (HP:0040280).
        Obligate = 1 => "obligate",
        /// 80–99 % (HP:0040281).
        VeryFrequent = 2 => "very_frequent",
        /// 30–79 % (HP:0040282).
        Frequent = 3 => "frequent",
        /// 5–29 % (HP:0040283).
        Occasional = 4 => "occasional",
        /// 1–4 % (HP:0040284).
        VeryRare = 5 => "very_rare",
        /// 0 %: the feature argues against the disorder (HP:0040285).
        Excluded = 6 => "excluded",
    }
}

impl Frequency {
    /// The HPO frequency term.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::Occasional.hpo().to_string(), "HP:0040283");
    /// ```
    pub const fn hpo(self) -> HpoId {
        HpoId::new(40279 + self as u32)
    }

    /// The class's range in percent, inclusive, as HPO defines it.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::Obligate.range_percent(), (100, 100));
    /// ```
    pub const fn range_percent(self) -> (u8, u8) {
        match self {
            Frequency::Obligate => (100, 100),
            Frequency::VeryFrequent => (80, 99),
            Frequency::Frequent => (30, 79),
            Frequency::Occasional => (5, 29),
            Frequency::VeryRare => (1, 4),
            Frequency::Excluded => (0, 0),
        }
    }

    /// A point estimate of the class as a probability: the midpoint of its range.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::VeryFrequent.probability(), 0.895);
    /// ```
    pub const fn probability(self) -> f64 {
        let (lo, hi) = self.range_percent();
        (lo as f64 + hi as f64) / 200.0
    }

    /// The class a percentage falls in (`None` above 100 or for NaN).
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::from_percent(50.0), Some(Frequency::Frequent));
    /// assert_eq!(Frequency::from_percent(0.0), Some(Frequency::Excluded));
    /// ```
    pub fn from_percent(percent: f64) -> Option<Self> {
        if !(0.0..=100.0).contains(&percent) {
            return None;
        }
        Some(match percent {
            p if p >= 100.0 => Frequency::Obligate,
            p if p >= 80.0 => Frequency::VeryFrequent,
            p if p >= 30.0 => Frequency::Frequent,
            p if p >= 5.0 => Frequency::Occasional,
            p if p > 0.0 => Frequency::VeryRare,
            _ => Frequency::Excluded,
        })
    }
}

closed_vocabulary! {
    /// What a treatment does for a disorder.
    TreatmentRole, "treatment role" in "marrowkb::classes" {
        /// Relieves symptoms or replaces what is missing (transfusion, antibiotics).
        Supportive = 1 => "supportive",
        /// Changes the course of the disease without curing it (G-CSF, androgens, steroids).
        DiseaseModifying = 2 => "disease_modifying",
        /// Can cure the marrow failure (haematopoietic stem cell transplantation).
        Curative = 3 => "curative",
    }
}

closed_vocabulary! {
    /// The body system a feature belongs to.
    BodySystem, "body system" in "marrowkb::classes" {
        /// Blood and bone marrow.
        Blood = 1 => "blood",
        /// Immune system and infections.
        Immune = 2 => "immune",
        /// Skin.
        Skin = 3 => "skin",
        /// Hair and nails.
        HairAndNails = 4 => "hair_and_nails",
        /// Mouth and teeth.
        MouthAndTeeth = 5 => "mouth_and_teeth",
        /// Digestive system, liver and pancreas.
        Digestive = 6 => "digestive",
        /// Growth.
        Growth = 7 => "growth",
        /// Skeleton and limbs.
        Skeletal = 8 => "skeletal",
        /// Head, face and neck.
        HeadAndNeck = 9 => "head_and_neck",
        /// Eye.
        Eye = 10 => "eye",
        /// Ear and hearing.
        Ear = 11 => "ear",
        /// Kidney and urinary tract.
        KidneyAndUrinary = 12 => "kidney_and_urinary",
        /// Heart.
        Heart = 13 => "heart",
        /// Nervous system and development.
        NervousSystem = 14 => "nervous_system",
        /// Lungs and breathing.
        Respiratory = 15 => "respiratory",
        /// Hormones and metabolism.
        EndocrineAndMetabolic = 16 => "endocrine_and_metabolic",
        /// Genital system.
        Genital = 17 => "genital",
        /// General and whole-body.
        General = 18 => "general",
    }
}

closed_vocabulary! {
    /// How an ORPHA or OMIM entry relates to a marrowkb disorder.
    XrefMatch, "cross-reference match" in "marrowkb::classes" {
        /// The entry is this disorder.
        Exact = 1 => "exact",
        /// The entry is one form (subtype, complementation group, genetic type) of this disorder.
        Subtype = 2 => "subtype",
        /// No entry exists for this disorder; this is the nearest one (the note says why).
        Closest = 3 => "closest",
    }
}

closed_vocabulary! {
    /// How a WHO ICD-10 code relates to a marrowkb disorder.
    IcdMatch, "ICD-10 match" in "marrowkb::classes" {
        /// ICD-10 names this disorder (or classifies exactly it).
        Exact = 1 => "exact",
        /// ICD-10 has no code of its own; this is the nearest parent category.
        NearestParent = 2 => "nearest_parent",
    }
}

closed_vocabulary! {
    /// How two disorders relate.
    RelationKind, "relation kind" in "marrowkb::classes" {
        /// The disorder is a form of the target (Kostmann syndrome of severe congenital neutropenia).
        SubtypeOf = 1 => "subtype_of",
        /// The disorder can evolve into the target (Fanconi anemia into myelodysplastic syndrome).
        MayProgressTo = 2 => "may_progress_to",
        /// The disorders are clinically associated (sideroblastic anemia and myelodysplastic syndrome).
        AssociatedWith = 3 => "associated_with",
    }
}
