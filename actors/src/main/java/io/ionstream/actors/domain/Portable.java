package io.ionstream.actors.domain;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Something a subdomain needs (its model, its observables) that can travel to another cluster
 * node: it encodes itself as bytes, and the receiving node rebuilds it with the public static
 * {@code decode(byte[])} method of the same class, named in the message. This keeps the wire
 * format of the domain protocol free of the layers built on it (jobs describe their models with
 * their own classes), without Java serialization.
 */
public interface Portable {
    /** This object as bytes, for {@code decode(byte[])} of its class. */
    byte[] encode();

    /**
     * Rebuilds a portable object from its class name and bytes. Only classes that implement
     * {@link Portable} and declare {@code public static decode(byte[])} returning themselves are
     * accepted; anything else is an IllegalArgumentException naming the class.
     */
    static Portable decode(String className, byte[] bytes) {
        Class<?> c;
        try {
            c = Class.forName(className, false, Portable.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("portable class " + className + " is not on this node's class path");
        }
        if (!Portable.class.isAssignableFrom(c)) throw new IllegalArgumentException(className + " is not Portable");
        try {
            Method m = c.getMethod("decode", byte[].class);
            if (!Modifier.isStatic(m.getModifiers()) || !c.isAssignableFrom(m.getReturnType())) {
                throw new IllegalArgumentException(className + " has no public static decode(byte[]) returning itself");
            }
            return (Portable) m.invoke(null, (Object) bytes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public static decode(byte[])");
        } catch (ReflectiveOperationException e) {
            Throwable t = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot decode " + className + ": " + t.getMessage(), t);
        }
    }
}
