package org.fairrecruit.registry.web;

import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.PropertyAccessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * How templates read a record's components ({@code ${agency.legalName}}): OGNL looks for a JavaBean
 * getter first and, finding none on a record, searches the class's methods by name on every
 * evaluation, a quarter of the agency page's CPU (JFR). This accessor keeps each record type's
 * component accessors in a map and calls them directly; any other name (a method a template calls,
 * a JavaBean property) goes to OGNL's own object accessor as before. It exposes nothing new: record
 * components are what OGNL reached already.
 */
final class OgnlRecords implements PropertyAccessor {
    private static final PropertyAccessor OBJECTS = new ObjectPropertyAccessor();
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                // Records nested in package-private classes: OGNL opens them the same way.
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return Map.copyOf(accessors);
        }
    };

    private OgnlRecords() {
    }

    /** OGNL's accessors are global to the JVM; registering twice is harmless. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new OgnlRecords());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method accessor = name instanceof String component ? COMPONENTS.get(target.getClass()).get(component) : null;
        if (accessor == null) {
            return OBJECTS.getProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new OgnlException(String.valueOf(name), e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void setProperty(Map context, Object target, Object name, Object value) throws OgnlException {
        OBJECTS.setProperty(context, target, name, value);
    }

    @Override
    public String getSourceAccessor(OgnlContext context, Object target, Object index) {
        return OBJECTS.getSourceAccessor(context, target, index);
    }

    @Override
    public String getSourceSetter(OgnlContext context, Object target, Object index) {
        return OBJECTS.getSourceSetter(context, target, index);
    }
}
