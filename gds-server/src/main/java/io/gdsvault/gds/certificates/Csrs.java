package io.gdsvault.gds.certificates;

import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 requests the GDS makes for key pairs it generated (so one issuance path serves both). */
final class Csrs {

  private Csrs() {}

  static byte[] create(
      KeyPair pair, String subject, String applicationUri, List<String> dns, List<String> ips) {
    try {
      List<GeneralName> names = new ArrayList<>();
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri));
      dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
      ips.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
      ExtensionsGenerator ext = new ExtensionsGenerator();
      ext.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      var builder =
          new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic());
      builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
      String alg =
          pair.getPublic() instanceof java.security.interfaces.ECPublicKey ec
              ? (ec.getParams().getCurve().getField().getFieldSize() > 256
                  ? "SHA384withECDSA"
                  : "SHA256withECDSA")
              : "SHA256withRSA";
      return builder.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate())).getEncoded();
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("the certificate request cannot be built", e);
    }
  }
}
