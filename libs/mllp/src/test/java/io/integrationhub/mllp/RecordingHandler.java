package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Test handler: records every callback and answers with a configurable responder. */
final class RecordingHandler implements MllpMessageHandler {

  final List<MllpRequest> requests = new CopyOnWriteArrayList<>();
  final List<MllpFrameTooLarge> rejections = new CopyOnWriteArrayList<>();
  final List<MllpConnection> closedConnections = new CopyOnWriteArrayList<>();
  private volatile Function<MllpRequest, CompletionStage<MllpResponse>> responder =
      request -> CompletableFuture.completedFuture(MllpResponse.reply(ack(request)));

  /** Replies {@code ACK|<message text>} by default. */
  RecordingHandler() {}

  RecordingHandler(Function<MllpRequest, CompletionStage<MllpResponse>> responder) {
    this.responder = responder;
  }

  void respondWith(Function<MllpRequest, CompletionStage<MllpResponse>> responder) {
    this.responder = responder;
  }

  @Override
  public CompletionStage<MllpResponse> onMessage(MllpRequest request) {
    requests.add(request);
    return responder.apply(request);
  }

  @Override
  public void onFrameTooLarge(MllpConnection connection, MllpFrameTooLarge rejection) {
    rejections.add(rejection);
  }

  @Override
  public void onConnectionClosed(MllpConnection connection) {
    closedConnections.add(connection);
  }

  List<String> texts() {
    return requests.stream().map(RecordingHandler::text).toList();
  }

  static String ack(MllpRequest request) {
    return "ACK|" + text(request);
  }

  static String text(MllpRequest request) {
    try {
      return request.text();
    } catch (MllpDecodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static MllpServer start(MllpServerConfig config, MllpMessageHandler handler) {
    MllpServer server = new MllpServer(config, handler);
    server.start();
    return server;
  }
}
