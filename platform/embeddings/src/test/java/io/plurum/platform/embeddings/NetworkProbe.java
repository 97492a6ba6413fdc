package io.plurum.platform.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a child JVM by {@link OfflineEmbeddingTest}: loads a model and embeds a text while every
 * {@link java.net.Socket} of the JVM (URL connections included, whatever proxy they ask for) records where it would
 * connect and fails instead, so nothing leaves the process. Prints {@code attempts=N dimensions=D targets=[...]}.
 *
 * <p>Argument {@code plurum} loads through {@link EmbeddingModels}; {@code raw} constructs the langchain4j model
 * directly, which shows that the probe does see the tokenizer library's call home when nothing prevents it.
 */
public final class NetworkProbe {

    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws IOException {
        Socket.setSocketImplFactory(RefusingSocket::new);
        float[] vector = "raw".equals(args[0])
                ? new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel()
                        .embed("probe").content().vector()
                : EmbeddingModels.load(EmbeddingModels.DEFAULT).embed("probe");
        System.out.println("attempts=" + ATTEMPTS.size() + " dimensions=" + vector.length + " targets=" + ATTEMPTS);
    }

    private static final class RefusingSocket extends java.net.SocketImpl {

        @Override
        protected void create(boolean stream) {
        }

        @Override
        protected void connect(String host, int port) throws IOException {
            refuse(host + ":" + port);
        }

        @Override
        protected void connect(InetAddress address, int port) throws IOException {
            refuse(address.getHostAddress() + ":" + port);
        }

        @Override
        protected void connect(SocketAddress address, int timeout) throws IOException {
            refuse(address.toString());
        }

        private static void refuse(String target) throws ConnectException {
            ATTEMPTS.add(target);
            throw new ConnectException("network disabled by the probe: " + target);
        }

        @Override
        protected void bind(InetAddress host, int port) {
        }

        @Override
        protected void listen(int backlog) throws IOException {
            throw new IOException("not supported");
        }

        @Override
        protected void accept(java.net.SocketImpl socket) throws IOException {
            throw new IOException("not supported");
        }

        @Override
        protected InputStream getInputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected OutputStream getOutputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected int available() {
            return 0;
        }

        @Override
        protected void close() {
        }

        @Override
        protected void sendUrgentData(int data) throws IOException {
            throw new IOException("not connected");
        }

        @Override
        public void setOption(int optionId, Object value) {
        }

        @Override
        public Object getOption(int optionId) {
            return null;
        }
    }
}
