package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.codec.MllpFrameDecoder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Client pipeline: optional TLS, the frame decoder and the reply handler. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

  private final MllpClientConfig config;
  private final SslContext sslContext;

  ClientChannelInitializer(MllpClientConfig config, SslContext sslContext) {
    this.config = config;
    this.sslContext = sslContext;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (sslContext != null) {
      SslHandler ssl = sslContext.newHandler(channel.alloc(), config.host(), config.port());
      ssl.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
      if (config.tls().map(tls -> tls.verifyHostname()).orElse(true)) {
        SSLEngine engine = ssl.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
      }
      pipeline.addLast("tls", ssl);
    }
    MllpFrameDecoder decoder = new MllpFrameDecoder(config.maxFrameBytes());
    pipeline.addLast("decoder", decoder);
    pipeline.addLast("reply", new ReplyHandler(decoder));
  }
}
