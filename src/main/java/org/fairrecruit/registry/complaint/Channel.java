package org.fairrecruit.registry.complaint;

/** How a complaint reached the registry. */
public enum Channel { WEB, PHONE, WALK_IN, EMAIL, REFERRAL }
