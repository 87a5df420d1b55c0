package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.directory.QueryFilter;
import io.gdsvault.gds.directory.QueryPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * What QueryApplications and QueryServers share: the filter arguments (StartingRecordId,
 * MaxRecordsToReturn, ApplicationName, ApplicationUri, ProductUri and the capabilities, with
 * QueryApplications' ApplicationType before ProductUri), decoded into one {@link QueryFilter}, and
 * the LastCounterResetTime output that leads both answers.
 */
abstract class DirectoryQueryHandler extends GdsMethodHandler {

  /** Where QueryApplications has its ApplicationType argument. */
  protected static final int APPLICATION_TYPE = 4;

  protected final DirectoryService directory;
  private final boolean hasApplicationType;
  private final String capabilitiesName;

  DirectoryQueryHandler(
      HandlerContext context,
      UaMethodNode node,
      DirectoryService directory,
      boolean hasApplicationType,
      String capabilitiesName) {
    super(context, node);
    this.directory = directory;
    this.hasApplicationType = hasApplicationType;
    this.capabilitiesName = capabilitiesName;
  }

  @Override
  public final Argument[] inputArguments() {
    List<Argument> in = new ArrayList<>();
    in.add(Arguments.scalar("StartingRecordId", Arguments.UINT32));
    in.add(Arguments.scalar("MaxRecordsToReturn", Arguments.UINT32));
    in.add(Arguments.scalar("ApplicationName", Arguments.STRING));
    in.add(Arguments.scalar("ApplicationUri", Arguments.STRING));
    if (hasApplicationType) {
      in.add(Arguments.scalar("ApplicationType", Arguments.UINT32));
    }
    in.add(Arguments.scalar("ProductUri", Arguments.STRING));
    in.add(Arguments.array(capabilitiesName, Arguments.STRING));
    return in.toArray(new Argument[0]);
  }

  /** The filter of checked inputs (their count and types match {@link #inputArguments}). */
  protected final QueryFilter filter(Variant[] in) {
    int productUri = hasApplicationType ? APPLICATION_TYPE + 1 : APPLICATION_TYPE;
    return new QueryFilter(
        uint32(in[0]),
        uint32(in[1]),
        string(in[2]),
        string(in[3]),
        string(in[productUri]),
        Arrays.asList(strings(in[productUri + 1])));
  }

  /** The LastCounterResetTime output. */
  protected static Variant lastCounterResetTime(QueryPage page) {
    return new Variant(new DateTime(page.lastCounterResetTime()));
  }
}
