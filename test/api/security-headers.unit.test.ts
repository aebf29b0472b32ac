import { dashboardContentSecurityPolicy } from '../../api/http/security-headers';

describe('dashboardContentSecurityPolicy', () => {
  it('lets pictures and video come from the S3 endpoint (path-style and bucket-host-style presigned URLs) and PUBLIC_BASE_URL', () => {
    const policy = dashboardContentSecurityPolicy({
      storage: { driver: 's3', endpoint: 'https://s3.eu-central-1.amazonaws.com', region: 'eu-central-1', bucket: 'ugc-media', accessKey: 'a', secretKey: 'b' },
      publicBaseUrl: 'https://media.example.com/base',
    });
    const origins = 'https://media.example.com https://s3.eu-central-1.amazonaws.com https://ugc-media.s3.eu-central-1.amazonaws.com';
    expect(policy).toContain(`img-src 'self' blob: data: ${origins}`);
    expect(policy).toContain(`media-src 'self' blob: data: ${origins}`);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self';");
  });
});
