package io.ionstream.server.grpc;

import io.ionstream.actors.catalog.PotentialCatalog;
import io.ionstream.proto.v1.DescribePotentialRequest;
import io.ionstream.proto.v1.ListPotentialsRequest;
import io.ionstream.proto.v1.ListPotentialsResponse;
import io.ionstream.proto.v1.PotentialInfo;
import io.ionstream.proto.v1.PotentialServiceGrpc;
import io.ionstream.proto.v1.UploadPotentialRequest;
import io.grpc.stub.StreamObserver;

/** PotentialService over the {@link PotentialCatalog}. */
final class PotentialServiceImpl extends PotentialServiceGrpc.PotentialServiceImplBase {
    private final PotentialCatalog catalog;

    PotentialServiceImpl(PotentialCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void upload(UploadPotentialRequest req, StreamObserver<PotentialInfo> out) {
        GrpcErrors.unary(out, () -> catalog.upload(req));
    }

    @Override
    public void list(ListPotentialsRequest req, StreamObserver<ListPotentialsResponse> out) {
        GrpcErrors.unary(out, () -> ListPotentialsResponse.newBuilder().addAllPotentials(catalog.list()).build());
    }

    @Override
    public void describe(DescribePotentialRequest req, StreamObserver<PotentialInfo> out) {
        GrpcErrors.unary(out, () -> catalog.describe(req.getPotential()));
    }
}
