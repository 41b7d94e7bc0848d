package org.fairrecruit.registry.fee;

/** The classes of the ILO definition (table fee_type): what a fee of a type is. */
enum FeeClass { RECRUITMENT_FEE, RELATED_COST, ILLEGITIMATE, UNCLASSIFIED }
