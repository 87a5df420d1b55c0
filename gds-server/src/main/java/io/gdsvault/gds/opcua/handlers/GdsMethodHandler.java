package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.opcua.security.MethodCallObserver;
import io.gdsvault.gds.opcua.security.MethodTimingListener;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.AccessContext;
import org.eclipse.milo.opcua.sdk.server.methods.MethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaSerializationException;
import org.eclipse.milo.opcua.stack.core.types.UaStructuredType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every GDS method handler: checks argument count and types, refuses unencrypted channels,
 * builds the {@link Caller}, and turns every failure into a Bad_ StatusCode without internal
 * details. Subclasses implement {@link #call} (decode, one service call, encode).
 */
public abstract class GdsMethodHandler implements MethodInvocationHandler {

  private static final Logger log = LoggerFactory.getLogger(GdsMethodHandler.class);

  protected final HandlerContext context;
  private final UaMethodNode node;

  protected GdsMethodHandler(HandlerContext context, UaMethodNode node) {
    this.context = context;
    this.node = node;
  }

  /** The input arguments exactly as the NodeSet declares them. */
  public abstract Argument[] inputArguments();

  /** The output arguments exactly as the NodeSet declares them. */
  public abstract Argument[] outputArguments();

  /** Decodes inputs, calls one service method, encodes outputs. */
  protected abstract Variant[] call(Caller caller, Variant[] inputs) throws UaException;

  /** Whether the method needs a SignAndEncrypt channel (every Part 12 method does). */
  protected boolean requiresEncryption() {
    return true;
  }

  public UaMethodNode node() {
    return node;
  }

  @Override
  public final CallMethodResult invoke(AccessContext accessContext, CallMethodRequest request) {
    long started = System.nanoTime();
    CallMethodResult result = invokeUnobserved(accessContext, request);
    timed(System.nanoTime() - started, result);
    MethodCallObserver observer = context.callers().observer();
    if (observer != MethodCallObserver.NONE) {
      try {
        observer.called(
            Objects.requireNonNullElse(node.getBrowseName().name(), ""),
            () -> context.callers().callerOf(sessionOf(accessContext)),
            request.getInputArguments() == null ? new Variant[0] : request.getInputArguments(),
            result.getStatusCode().value());
      } catch (RuntimeException e) {
        log.error("{}: the method call observer failed", node.getBrowseName().name(), e);
      }
    }
    return result;
  }

  private void timed(long nanos, CallMethodResult result) {
    MethodTimingListener timing = context.callers().timing();
    if (timing != MethodTimingListener.NONE) {
      try {
        timing.timed(
            Objects.requireNonNullElse(node.getBrowseName().name(), ""),
            nanos,
            result.getStatusCode().isGood());
      } catch (RuntimeException e) {
        log.error("{}: the method timing listener failed", node.getBrowseName().name(), e);
      }
    }
  }

  private CallMethodResult invokeUnobserved(
      AccessContext accessContext, CallMethodRequest request) {
    try {
      Variant[] inputs =
          request.getInputArguments() == null ? new Variant[0] : request.getInputArguments();
      Argument[] declared = inputArguments();
      if (inputs.length < declared.length) {
        return result(StatusCodes.Bad_ArgumentsMissing);
      }
      if (inputs.length > declared.length) {
        return result(StatusCodes.Bad_TooManyArguments);
      }
      Caller caller = context.callers().callerOf(sessionOf(accessContext));
      if (requiresEncryption()) {
        caller.requireSecureChannel();
      }
      StatusCode[] argResults = new StatusCode[inputs.length];
      boolean bad = false;
      boolean oversized = false;
      for (int i = 0; i < inputs.length; i++) {
        boolean ok = matches(declared[i], inputs[i]);
        boolean fits = ok && withinLimits(inputs[i]);
        argResults[i] =
            !ok
                ? new StatusCode(StatusCodes.Bad_TypeMismatch)
                : fits ? StatusCode.GOOD : new StatusCode(StatusCodes.Bad_EncodingLimitsExceeded);
        bad |= !ok;
        oversized |= ok && !fits;
      }
      if (bad || oversized) {
        return new CallMethodResult(
            new StatusCode(
                bad ? StatusCodes.Bad_InvalidArgument : StatusCodes.Bad_EncodingLimitsExceeded),
            argResults,
            new DiagnosticInfo[0],
            new Variant[0]);
      }
      Variant[] outputs = call(caller, inputs);
      return new CallMethodResult(
          StatusCode.GOOD, new StatusCode[0], new DiagnosticInfo[0], outputs);
    } catch (ArgumentRefusal e) {
      log.debug("{} refused: {} {}", node.getBrowseName().name(), e.reason(), e.getMessage());
      return refusal(e);
    } catch (GdsException e) {
      log.debug("{} refused: {} {}", node.getBrowseName().name(), e.reason(), e.getMessage());
      return result(StatusMapper.statusCode(e.reason()));
    } catch (UaSerializationException e) {
      log.debug("{} got an undecodable argument", node.getBrowseName().name());
      return result(StatusCodes.Bad_DecodingError);
    } catch (UaException e) {
      return result(e.getStatusCode().value());
    } catch (RuntimeException e) {
      log.error("{} failed unexpectedly", node.getBrowseName().name(), e);
      return result(StatusCodes.Bad_InternalError);
    }
  }

  private static Optional<org.eclipse.milo.opcua.sdk.server.Session> sessionOf(AccessContext c) {
    return c.getSession();
  }

  /**
   * A refusal about one input argument: that argument's result is the refusal's status and its
   * diagnostic info carries the reason (AdditionalInfo), so the caller learns which rule refused.
   */
  private CallMethodResult refusal(ArgumentRefusal e) {
    long status = StatusMapper.statusCode(e.reason());
    Argument[] declared = inputArguments();
    StatusCode[] results = new StatusCode[declared.length];
    DiagnosticInfo[] diagnostics = new DiagnosticInfo[declared.length];
    boolean named = false;
    for (int i = 0; i < declared.length; i++) {
      boolean about = e.argument().equals(declared[i].getName());
      named |= about;
      results[i] = about ? new StatusCode(status) : StatusCode.GOOD;
      diagnostics[i] = about ? reason(e) : DiagnosticInfo.NULL_VALUE;
    }
    if (!named) {
      // the refusal is about the call as a whole: the reason goes with the first argument
      results = new StatusCode[] {new StatusCode(status)};
      diagnostics = new DiagnosticInfo[] {reason(e)};
    }
    return new CallMethodResult(new StatusCode(status), results, diagnostics, new Variant[0]);
  }

  private static DiagnosticInfo reason(GdsException e) {
    return new DiagnosticInfo(
        -1, -1, -1, -1, Objects.requireNonNullElse(e.getMessage(), e.reason().name()), null, null);
  }

  private static CallMethodResult result(long statusCode) {
    return new CallMethodResult(
        new StatusCode(statusCode), new StatusCode[0], new DiagnosticInfo[0], new Variant[0]);
  }

  /** Whether a value fits a declared argument (null always fits: it is the type's null value). */
  private boolean matches(Argument argument, Variant variant) {
    Object value = variant == null ? null : variant.value();
    if (value == null) {
      return true;
    }
    boolean array = argument.getValueRank() >= 0;
    Class<?> expected = backingClass(argument.getDataType());
    if (expected == null) {
      return false;
    }
    if (array) {
      return value.getClass().isArray()
          && expected.isAssignableFrom(value.getClass().getComponentType());
    }
    return !value.getClass().isArray() && expected.isInstance(value);
  }

  /**
   * Whether a value keeps to the server's limits.maxArrayLength, maxStringLength (UTF-8 bytes) and
   * MaxByteStringLength: Milo advertises these but its decoder bounds only the message size, so
   * method arguments are checked here.
   */
  private boolean withinLimits(Variant variant) {
    Object value = variant == null ? null : variant.value();
    if (value == null) {
      return true;
    }
    var limits = context.server().getConfig().getLimits();
    long maxArray = limits.getMaxArrayLength().longValue();
    long maxString = limits.getMaxStringLength().longValue();
    long maxBytes = limits.getMaxByteStringLength().longValue();
    if (value instanceof Object[] array) {
      if (array.length > maxArray) {
        return false;
      }
      for (Object element : array) {
        if (!fits(element, maxString, maxBytes)) {
          return false;
        }
      }
      return true;
    }
    return fits(value, maxString, maxBytes);
  }

  private static boolean fits(Object value, long maxString, long maxBytes) {
    if (value instanceof String s) {
      return (long) s.length() * 3 <= maxString
          || (s.length() <= maxString && s.getBytes(StandardCharsets.UTF_8).length <= maxString);
    }
    if (value instanceof ByteString b) {
      return b.length() <= maxBytes;
    }
    return true;
  }

  private Class<?> backingClass(NodeId dataType) {
    if (NodeIds.UtcTime.equals(dataType)) {
      return DateTime.class;
    }
    if (dataType.getNamespaceIndex().intValue() == 0) {
      Class<?> c = OpcUaDataType.getBackingClass(dataType);
      if (c != null) {
        return c;
      }
    }
    // structures (ours or standard) arrive as ExtensionObjects
    return ExtensionObject.class;
  }

  // ---- helpers for subclasses

  protected static String string(Variant v) {
    Object o = v.value();
    return o == null ? "" : (String) o;
  }

  protected static String[] strings(Variant v) {
    Object o = v.value();
    return o == null ? new String[0] : (String[]) o;
  }

  protected static long uint32(Variant v) {
    Object o = v.value();
    return o == null ? 0 : ((UInteger) o).longValue();
  }

  protected static NodeId nodeId(Variant v) {
    Object o = v.value();
    return o == null ? NodeId.NULL_VALUE : (NodeId) o;
  }

  /** Decodes a structure argument with the server's codecs; wrong types are invalid arguments. */
  protected <T extends UaStructuredType> T decode(Variant v, Class<T> type) {
    Object o = v.value();
    if (!(o instanceof ExtensionObject xo)) {
      throw GdsException.invalid("a structure argument is missing");
    }
    Object decoded = xo.decode(context.server().getStaticEncodingContext());
    if (!type.isInstance(decoded)) {
      throw GdsException.invalid("a structure argument has the wrong type");
    }
    return type.cast(decoded);
  }

  /** Encodes a structure for an output argument. */
  protected ExtensionObject encode(UaStructuredType value) {
    return ExtensionObject.encode(context.server().getStaticEncodingContext(), value);
  }
}
