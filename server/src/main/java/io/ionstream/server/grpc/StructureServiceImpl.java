package io.ionstream.server.grpc;

import io.ionstream.actors.catalog.PresetStructures;
import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.proto.v1.BuildStructureRequest;
import io.ionstream.proto.v1.GetStructureRequest;
import io.ionstream.proto.v1.ListPresetsRequest;
import io.ionstream.proto.v1.ListPresetsResponse;
import io.ionstream.proto.v1.ListStructuresRequest;
import io.ionstream.proto.v1.ListStructuresResponse;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.proto.v1.StructureServiceGrpc;
import io.ionstream.proto.v1.UploadStructureRequest;
import io.ionstream.proto.v1.ValidateStructureRequest;
import io.ionstream.proto.v1.ValidationReport;
import io.grpc.stub.StreamObserver;

/** StructureService over the {@link StructureCatalog}. */
final class StructureServiceImpl extends StructureServiceGrpc.StructureServiceImplBase {
    private final StructureCatalog catalog;

    StructureServiceImpl(StructureCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void listPresets(ListPresetsRequest req, StreamObserver<ListPresetsResponse> out) {
        GrpcErrors.unary(out, () -> ListPresetsResponse.newBuilder().addAllPresets(PresetStructures.list()).build());
    }

    @Override
    public void build(BuildStructureRequest req, StreamObserver<StructureInfo> out) {
        GrpcErrors.unary(out, () -> catalog.build(req));
    }

    @Override
    public void upload(UploadStructureRequest req, StreamObserver<StructureInfo> out) {
        GrpcErrors.unary(out, () -> catalog.upload(req));
    }

    @Override
    public void validate(ValidateStructureRequest req, StreamObserver<ValidationReport> out) {
        GrpcErrors.unary(out, () -> catalog.validate(req));
    }

    @Override
    public void getStructure(GetStructureRequest req, StreamObserver<StructureInfo> out) {
        GrpcErrors.unary(out, () -> catalog.get(req.getStructureId()));
    }

    @Override
    public void listStructures(ListStructuresRequest req, StreamObserver<ListStructuresResponse> out) {
        GrpcErrors.unary(out, () -> ListStructuresResponse.newBuilder().addAllStructures(catalog.list()).build());
    }
}
